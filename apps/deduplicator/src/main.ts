import { superviseStage } from '@newswire/kafka';
import { runService } from '@newswire/platform';
import { startDeduplicator } from './bootstrap';

void runService('deduplicator', () => startDeduplicator(), superviseStage);
