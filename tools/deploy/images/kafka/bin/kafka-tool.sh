#!/usr/bin/env bash
# Every bin/kafka-*.sh of the local image is a link to this file; the link's name picks the
# class, as the scripts of Kafka's binary distribution do.
set -euo pipefail
KAFKA_HOME=${KAFKA_HOME:-/opt/kafka}
name=$(basename "$0")
case "$name" in
  kafka-server-start.sh)
    [[ $# -ge 1 ]] || { echo "USAGE: $name server.properties [--override property=value]*" >&2; exit 1; }
    export KAFKA_HEAP_OPTS=${KAFKA_HEAP_OPTS:--Xmx1G -Xms1G}
    export KAFKA_LOG4J_OPTS=${KAFKA_LOG4J_OPTS:--Dlog4j2.configurationFile=$KAFKA_HOME/config/log4j2.properties}
    exec "$KAFKA_HOME/bin/kafka-run-class.sh" kafka.Kafka "$@" ;;
  kafka-storage.sh) exec "$KAFKA_HOME/bin/kafka-run-class.sh" kafka.tools.StorageTool "$@" ;;
  kafka-configs.sh) exec "$KAFKA_HOME/bin/kafka-run-class.sh" kafka.admin.ConfigCommand "$@" ;;
  kafka-broker-api-versions.sh) exec "$KAFKA_HOME/bin/kafka-run-class.sh" org.apache.kafka.tools.BrokerApiVersionsCommand "$@" ;;
  kafka-topics.sh) exec "$KAFKA_HOME/bin/kafka-run-class.sh" org.apache.kafka.tools.TopicCommand "$@" ;;
  kafka-consumer-groups.sh) exec "$KAFKA_HOME/bin/kafka-run-class.sh" org.apache.kafka.tools.consumer.group.ConsumerGroupCommand "$@" ;;
  kafka-console-consumer.sh) exec "$KAFKA_HOME/bin/kafka-run-class.sh" org.apache.kafka.tools.consumer.ConsoleConsumer "$@" ;;
  kafka-console-producer.sh) exec "$KAFKA_HOME/bin/kafka-run-class.sh" org.apache.kafka.tools.ConsoleProducer "$@" ;;
  kafka-metadata-quorum.sh) exec "$KAFKA_HOME/bin/kafka-run-class.sh" org.apache.kafka.tools.MetadataQuorumCommand "$@" ;;
  *) echo "kafka-tool.sh: no class for $name" >&2; exit 1 ;;
esac
