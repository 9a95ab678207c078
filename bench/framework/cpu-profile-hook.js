// Preloaded into the app's server process (NODE_OPTIONS=--require, which Node allows where it refuses
// --cpu-prof) when a benchmark runs with BENCH_CPU_PROFILE=<dir>. The benchmark sends SIGUSR2 when
// its timed part starts and again when it ends (AppProcess.profiled): each such window is written to
// <dir>/api-<pid>-<n>.cpuprofile, which Chrome DevTools and bench/framework/profile-summary.ts read.
// Start-up, seeding and the untimed requests stay out of the profile. Only dist/apps/api/main.js
// serving is profiled, not the launcher or the migrate step.
const { Session } = require('node:inspector');
const { mkdirSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const dir = process.env.KP_CPU_PROFILE_DIR;
if (dir && /main\.js$/.test(process.argv[1] ?? '') && process.env.KP_COMMAND !== 'migrate') {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: Number(process.env.KP_CPU_PROFILE_INTERVAL_US) || 1000 });
  let profiling = false;
  let written = 0;
  process.on('SIGUSR2', () => {
    if (!profiling) {
      session.post('Profiler.start');
      profiling = true;
      return;
    }
    profiling = false;
    session.post('Profiler.stop', (error, result) => {
      if (error) return;
      // A folder that is not there yet would lose every profile without a word.
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `api-${process.pid}-${++written}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
