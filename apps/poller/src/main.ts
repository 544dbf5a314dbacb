import { runService } from '@newswire/platform';
import { startPoller } from './bootstrap';

void runService('poller', () => startPoller());
