import { superviseStage } from '@newswire/kafka';
import { runService } from '@newswire/platform';
import { startStorage } from './bootstrap';

void runService('storage', () => startStorage(), superviseStage);
