#!/usr/bin/env bash
# The local image's stand-in for Kafka's bin/kafka-run-class.sh: runs a class from
# /opt/kafka/libs with the same environment hooks (KAFKA_HEAP_OPTS, KAFKA_OPTS, ...).
set -euo pipefail
KAFKA_HOME=${KAFKA_HOME:-/opt/kafka}
log4j=${KAFKA_LOG4J_OPTS:--Dlog4j2.configurationFile=$KAFKA_HOME/config/tools-log4j2.properties}
# shellcheck disable=SC2086 # the *_OPTS variables are lists of JVM flags, split on purpose
exec java ${KAFKA_HEAP_OPTS:--Xmx256m} ${KAFKA_JVM_PERFORMANCE_OPTS:--XX:+UseG1GC -Djava.awt.headless=true} \
  $log4j ${KAFKA_OPTS:-} -cp "$KAFKA_HOME/libs/*" "$@"
