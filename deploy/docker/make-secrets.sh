#!/bin/sh
# Makes what docker-compose.yml requires, once, on the machine that runs it:
#   - .env beside docker-compose.yml with random passwords (mode 0600): MongoDB's root
#     and the services' user, Kafka's inter-broker and client SCRAM users, the cluster id;
#   - deploy/docker/secrets/: a private CA (ca.pem) and Kafka's certificate for the host
#     names "kafka" and "localhost" (kafka-keystore.pem: key and chain, Kafka's PEM store);
#   - deploy/docker/secrets/sources.yaml: the ingester's SOURCES_FILE, one source "compose"
#     whose signing key is compose-push-key beside it (post with
#     `npm run ingest:post -- --source compose --secret-file deploy/docker/secrets/compose-push-key <file>`);
#   - deploy/docker/secrets/api-tokens.yaml: the API's API_TOKENS_FILE (the hash of one public
#     token); the token itself is in api-token, for whoever queries.
# Existing files are kept, so running it again changes nothing. Needs openssl.
#   sh deploy/docker/make-secrets.sh && docker compose up --build
set -eu

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
secrets="$here/secrets"
env_file="$repo/.env"

command -v openssl >/dev/null || { echo "make-secrets: openssl is required" >&2; exit 1; }
umask 077

# Hex: safe in a mongodb:// URI, in Kafka's --add-scram syntax and in a JAAS line without quoting.
password() { openssl rand -hex 24; }

if [ ! -f "$env_file" ]; then
  {
    echo "MONGO_ROOT_PASSWORD=$(password)"
    echo "NEWSWIRE_MONGO_PASSWORD=$(password)"
    echo "KAFKA_BROKER_PASSWORD=$(password)"
    echo "KAFKA_CLIENT_PASSWORD=$(password)"
    echo "KAFKA_CLUSTER_ID=$(openssl rand -base64 16 | tr '+/' '-_' | tr -d '=\n')"
  } > "$env_file"
  echo "make-secrets: wrote $env_file"
fi

if [ ! -f "$secrets/kafka-keystore.pem" ] || [ ! -f "$secrets/ca.pem" ]; then
  mkdir -p "$secrets"
  chmod 700 "$secrets"
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  cat > "$work/ca.cnf" <<'CNF'
[req]
distinguished_name = dn
prompt = no
[dn]
CN = newswire compose CA
[v3_ca]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
CNF
  cat > "$work/kafka.cnf" <<'CNF'
[req]
distinguished_name = dn
prompt = no
[dn]
CN = kafka
[v3_kafka]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth, clientAuth
subjectAltName = DNS:kafka, DNS:localhost, IP:127.0.0.1
CNF
  (
    cd "$work"
    openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 3650 -config ca.cnf -extensions v3_ca 2>/dev/null
    openssl req -new -newkey rsa:2048 -nodes -keyout kafka.key -out kafka.csr -config kafka.cnf 2>/dev/null
    openssl x509 -req -in kafka.csr -CA ca.pem -CAkey ca.key -set_serial "0x$(openssl rand -hex 8)" -days 825 \
      -extfile kafka.cnf -extensions v3_kafka -out kafka.pem 2>/dev/null
  )
  # The CA key is not kept: nothing else should ever be trusted by clients of this CA.
  cat "$work/kafka.key" "$work/kafka.pem" "$work/ca.pem" > "$secrets/kafka-keystore.pem"
  cp "$work/ca.pem" "$secrets/ca.pem"
  # Bind-mounted files keep their host mode and the Kafka image runs as uid 1000, so the files
  # are world-readable; the 0700 folder is what keeps other users of this machine out.
  chmod 644 "$secrets/kafka-keystore.pem" "$secrets/ca.pem"
  echo "make-secrets: wrote $secrets/ca.pem and $secrets/kafka-keystore.pem"
fi

mkdir -p "$secrets"
chmod 700 "$secrets"
# Signed ingest: one source, one key (32 random bytes, base64).
if [ ! -f "$secrets/sources.yaml" ] || [ ! -f "$secrets/compose-push-key" ]; then
  openssl rand -base64 32 > "$secrets/compose-push-key"
  cat > "$secrets/sources.yaml" <<'YAML'
# The ingester's SOURCES_FILE in docker compose (written by deploy/docker/make-secrets.sh).
sources:
  - id: compose
    name: Compose trial source
    push:
      keys:
        - { id: k1, secretFile: compose-push-key }
YAML
  # Read inside the container by uid 1000 (see above: the 0700 folder keeps other users out).
  chmod 644 "$secrets/sources.yaml" "$secrets/compose-push-key"
  echo "make-secrets: wrote $secrets/sources.yaml and its key compose-push-key"
fi
# Query API: one public read token; only its SHA-256 is given to the API.
if [ ! -f "$secrets/api-tokens.yaml" ] || [ ! -f "$secrets/api-token" ]; then
  token="nw_$(openssl rand -hex 32)"
  printf '%s\n' "$token" > "$secrets/api-token"
  hash=$(printf '%s' "$token" | openssl dgst -sha256 -r | cut -d' ' -f1)
  cat > "$secrets/api-tokens.yaml" <<YAML
# The API's API_TOKENS_FILE in docker compose (written by deploy/docker/make-secrets.sh).
tokens:
  - id: compose-reader
    description: Token in deploy/docker/secrets/api-token
    sha256: $hash
    scopes: [public]
YAML
  chmod 600 "$secrets/api-token"
  chmod 644 "$secrets/api-tokens.yaml"
  echo "make-secrets: wrote $secrets/api-tokens.yaml (token in $secrets/api-token)"
fi
