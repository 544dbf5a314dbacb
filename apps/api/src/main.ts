import { runService } from '@newswire/platform';
import { startApi } from './bootstrap';

void runService('api', () => startApi());
