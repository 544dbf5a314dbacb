import { Module } from '@nestjs/common';
import { ClientsModule, Transport } from '@nestjs/microservices';
import { config, KAFKA_CLIENT } from './config';

/** Nest's Kafka client, for `emit`; producer only, as nothing here waits for replies. */
@Module({
  imports: [
    ClientsModule.register([
      {
        name: KAFKA_CLIENT,
        transport: Transport.KAFKA,
        options: { client: { clientId: `idiomatic-${config.stage}`, brokers: config.brokers }, producerOnlyMode: true },
      },
    ]),
  ],
  exports: [ClientsModule],
})
export class KafkaClientModule {}
