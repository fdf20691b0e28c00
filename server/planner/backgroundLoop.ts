/**
 * Runs `cycle` over and over until stopped, waiting between cycles as long as the cycle asks (0:
 * at once). The wait can be cut short with `wake`; `stop` lets the cycle in progress finish. The
 * sync worker and the progress poller share it so their start/stop behaviour cannot drift apart.
 */
export class BackgroundLoop {
  private loop: Promise<void> | null = null;
  private isStopping = false;
  private wakeUp: (() => void) | null = null;

  /** `cycle` returns how long to wait, in ms, before the next cycle; it must not throw. */
  constructor(private readonly cycle: () => Promise<number>) {}

  start(): void {
    if (this.loop) return;
    this.isStopping = false;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.isStopping = true;
    this.wakeUp?.();
    await this.loop;
    this.loop = null;
  }

  /** Cuts the current wait short. */
  wake(): void {
    this.wakeUp?.();
  }

  private async run(): Promise<void> {
    while (!this.isStopping) {
      const waitMs = await this.cycle();
      if (waitMs <= 0 || this.isStopping) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, waitMs);
        this.wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wakeUp = null;
    }
  }
}
