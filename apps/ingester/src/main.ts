import { runService } from '@newswire/platform';
import { startIngester } from './bootstrap';

void runService('ingester', () => startIngester());
