// Preloaded with NODE_OPTIONS=--require (Node 20 refuses --cpu-prof there): samples this process's CPU with the
// inspector and writes
// a .cpuprofile into CPU_PROF_DIR when the process exits.
const inspector = require('node:inspector');
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

const session = new inspector.Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.setSamplingInterval', { interval: 500 });
session.post('Profiler.start');
process.on('exit', () => {
  session.post('Profiler.stop', (error, result) => {
    if (!error)
      writeFileSync(join(process.env.CPU_PROF_DIR, `${process.pid}.cpuprofile`), JSON.stringify(result.profile));
  });
});
