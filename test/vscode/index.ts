// Entry point VS Code loads as extensionTestsPath: runs the bundled suite/*.test.js with mocha.
// team*.test.js need the multi-root team workspace (a .code-workspace file is open); the others
// the single fixture folder. `npm run test:vscode:codeserver` runs both.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
  const dir = join(__dirname, 'suite');
  const multiRoot = vscode.workspace.workspaceFile !== undefined;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.test.js') && f.startsWith('team') === multiRoot).sort()) {
    mocha.addFile(join(dir, file));
  }
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      // The plain closing line CI logs are read for.
      console.log(`extension host: ${runner.stats?.passes ?? 0} passed, ${failures} failed`);
      if (failures > 0 || !runner.stats?.passes) reject(new Error(`${failures} extension-host test(s) failed`));
      else resolve();
    });
  });
}
