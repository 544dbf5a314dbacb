#!/usr/bin/env bash
# Entry point of the compose file's Kafka (official apache/kafka image): one KRaft node whose
# only network listener is SASL_SSL with SCRAM-SHA-512, for clients and inter-broker traffic.
# It writes its own server.properties (the image's env-to-properties step cannot add SCRAM
# users, which in KRaft are written into the metadata log when the storage is formatted) and
# formats the storage once, with the broker's and the clients' SCRAM users.
# The controller listener stays PLAINTEXT on the container's loopback: only this process uses it.
# Passwords are changed later with kafka-configs.sh --alter --add-config 'SCRAM-SHA-512=[...]'.
set -euo pipefail

: "${CLUSTER_ID:?CLUSTER_ID is required}"
: "${KAFKA_BROKER_PASSWORD:?KAFKA_BROKER_PASSWORD is required}"
: "${KAFKA_CLIENT_PASSWORD:?KAFKA_CLIENT_PASSWORD is required}"
KAFKA_HOME=${KAFKA_HOME:-/opt/kafka}
CONFIG_DIR=${NEWSWIRE_KAFKA_CONFIG_DIR:-$KAFKA_HOME/config}
DATA_DIR=${NEWSWIRE_KAFKA_DATA_DIR:-/var/lib/kafka/data}
TLS_DIR=${NEWSWIRE_KAFKA_TLS_DIR:-/run/newswire/tls}
HOST=${NEWSWIRE_KAFKA_HOST:-kafka}
PORT=${NEWSWIRE_KAFKA_PORT:-9092}
CONTROLLER_PORT=${NEWSWIRE_KAFKA_CONTROLLER_PORT:-9093}
BROKER_USER=newswire-broker
CLIENT_USER=${KAFKA_CLIENT_USER:-newswire}

# Unquoted in --add-scram and in the JAAS line: keep passwords to characters neither can misread.
for name in KAFKA_BROKER_PASSWORD KAFKA_CLIENT_PASSWORD; do
  if [[ ! ${!name} =~ ^[A-Za-z0-9._~-]{16,}$ ]]; then
    echo "$name: use at least 16 letters, digits, '.', '_', '~' or '-' (deploy/docker/make-secrets.sh makes one)" >&2
    exit 78
  fi
done

umask 077
props="$CONFIG_DIR/newswire-server.properties"
cat > "$props" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$CONTROLLER_PORT
listeners=SASL_SSL://0.0.0.0:$PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
advertised.listeners=SASL_SSL://$HOST:$PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=SASL_SSL:SASL_SSL,CONTROLLER:PLAINTEXT
inter.broker.listener.name=SASL_SSL
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="$BROKER_USER" password="$KAFKA_BROKER_PASSWORD";
ssl.keystore.type=PEM
ssl.keystore.location=$TLS_DIR/kafka-keystore.pem
ssl.truststore.type=PEM
ssl.truststore.location=$TLS_DIR/ca.pem
log.dirs=$DATA_DIR
num.partitions=3
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
PROPS

# For the health check (kafka-broker-api-versions.sh --command-config): the broker's own user.
cat > "$CONFIG_DIR/newswire-client.properties" <<PROPS
security.protocol=SASL_SSL
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="$BROKER_USER" password="$KAFKA_BROKER_PASSWORD";
ssl.truststore.type=PEM
ssl.truststore.location=$TLS_DIR/ca.pem
PROPS

if [[ ! -f "$DATA_DIR/meta.properties" ]]; then
  "$KAFKA_HOME/bin/kafka-storage.sh" format --cluster-id "$CLUSTER_ID" --config "$props" \
    --add-scram "SCRAM-SHA-512=[name=$BROKER_USER,password=$KAFKA_BROKER_PASSWORD]" \
    --add-scram "SCRAM-SHA-512=[name=$CLIENT_USER,password=$KAFKA_CLIENT_PASSWORD]"
fi
exec "$KAFKA_HOME/bin/kafka-server-start.sh" "$props"
