import { loadConfigOrExit } from '@newswire/config';
import { superviseStage } from '@newswire/kafka';
import { runService } from '@newswire/platform';
import { startEnricher } from './bootstrap';
import { EnricherEnv } from './app/config';
import { runClustered } from './cluster';

const config = loadConfigOrExit('enricher', EnricherEnv);
runClustered(config.ENRICHER_WORKERS, () => runService('enricher', () => startEnricher(), superviseStage));
