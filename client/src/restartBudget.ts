/**
 * When the server dies: restart it up to `max` times within `windowMs` (languageclient's default
 * policy), telling the user once per episode instead of once per crash. Pure, for unit tests.
 */
export type CrashVerdict = 'restart-and-tell' | 'restart-quietly' | 'give-up';

export class RestartBudget {
  private readonly crashes: number[] = [];
  private told = false;

  constructor(
    readonly max = 4,
    private readonly windowMs = 3 * 60 * 1000,
  ) {}

  crashed(now: number): CrashVerdict {
    this.crashes.push(now);
    while (this.crashes.length > 0 && now - this.crashes[0] > this.windowMs) this.crashes.shift();
    if (this.crashes.length > this.max) {
      this.reset();
      return 'give-up';
    }
    if (this.crashes.length === 1) this.told = false; // a new episode after a quiet spell
    if (this.told) return 'restart-quietly';
    this.told = true;
    return 'restart-and-tell';
  }

  /** A manual restart starts a fresh episode. */
  reset(): void {
    this.crashes.length = 0;
    this.told = false;
  }
}
