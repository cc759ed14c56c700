// The e2e tests' environment: when a test fails, whatever its failing assertion was, the main and post logs of every
// step it ran are printed with the failure (runStep records them in globalThis.__stepLogs).
import { TestEnvironment } from 'jest-environment-node';

export default class StepLogEnvironment extends TestEnvironment {
  handleTestEvent(event) {
    if (event.name === 'test_start') this.global.__stepLogs = [];
    if (event.name === 'test_done' && event.test.errors.length > 0) {
      for (const { label, log } of this.global.__stepLogs ?? []) {
        process.stderr.write(`\n----- ${event.test.name}: ${label} -----\n${log}\n`);
      }
    }
  }
}
