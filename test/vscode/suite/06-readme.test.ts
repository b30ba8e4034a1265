import * as assert from 'node:assert/strict';
import { api, open, planlintDiagnostics, waitFor, workspaceUri } from '../helpers';

suite('not a plan', () => {
  test('README.md gets no PlanLint diagnostics', async () => {
    const planlint = await api();
    const uri = workspaceUri('README.md');
    await open(uri);
    // Wait until the server has looked at README.md (its coverage answer says: not a plan).
    const coverage = await waitFor('the coverage answer for README.md', () => {
      const c = planlint.tracker.current;
      return c?.uri === uri.toString() && c;
    });
    assert.equal(coverage.isPlan, false);
    assert.deepEqual(planlintDiagnostics(uri), []);
  });
});
