import { auditVerifyBenchmark } from './audit-verify/audit-verify.bench';
import { consoleQueueBenchmark } from './console-queue/console-queue.bench';
import { embeddedBenchmark } from './embedded/embedded.bench';
import { Benchmark } from './framework/benchmark';
import { queuePageBenchmark } from './queue-page/queue-page.bench';
import { rulesBenchmark } from './rules/rules.bench';
import { screenLatencyBenchmark, submitBenchmark } from './submit/submit.bench';

/** Every benchmark `npm run bench` runs, in this order. */
export const BENCHMARKS: Benchmark[] = [rulesBenchmark, submitBenchmark, screenLatencyBenchmark, queuePageBenchmark, auditVerifyBenchmark, embeddedBenchmark, consoleQueueBenchmark];
