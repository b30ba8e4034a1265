import { describe, expect, it } from 'vitest';
import { RestartBudget } from '../../../client/src/restartBudget';

const MIN = 60_000;

describe('restart budget after server crashes', () => {
  it('restarts four times in three minutes, tells the user once, then gives up', () => {
    const b = new RestartBudget();
    expect([0, 1, 2, 3, 4].map((s) => b.crashed(s * 1000))).toEqual([
      'restart-and-tell',
      'restart-quietly',
      'restart-quietly',
      'restart-quietly',
      'give-up',
    ]);
    // After giving up, a new crash (e.g. after a manual restart) is a new episode.
    expect(b.crashed(10_000)).toBe('restart-and-tell');
  });

  it('forgets crashes older than the window, so a slow trickle keeps restarting', () => {
    const b = new RestartBudget();
    const verdicts = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => b.crashed(i * 1.1 * MIN));
    expect(verdicts).not.toContain('give-up');
    expect(verdicts[0]).toBe('restart-and-tell');
  });

  it('starts a new episode (and tells again) after a quiet spell longer than the window', () => {
    const b = new RestartBudget();
    expect(b.crashed(0)).toBe('restart-and-tell');
    expect(b.crashed(MIN)).toBe('restart-quietly');
    expect(b.crashed(10 * MIN)).toBe('restart-and-tell');
  });

  it('reset() after a manual restart gives the full budget back', () => {
    const b = new RestartBudget();
    for (let i = 0; i < 4; i++) b.crashed(i);
    b.reset();
    expect([10, 11, 12, 13].map((t) => b.crashed(t))).toEqual(['restart-and-tell', 'restart-quietly', 'restart-quietly', 'restart-quietly']);
    expect(b.crashed(14)).toBe('give-up');
  });
});
