import { Engine } from 'json-rules-engine';

/**
 * Engines for one plugin version. json-rules-engine keeps run state on the engine (`status`), so an
 * engine is lent to one evaluation at a time, and one whose run failed is dropped, never reused:
 * a failed evaluation cannot poison later ones.
 */
export class EnginePool {
  private readonly idle: Engine[] = [];

  constructor(
    private readonly build: () => Engine,
    private readonly maxIdle = 8,
  ) {}

  async use<T>(run: (engine: Engine) => Promise<T>): Promise<T> {
    const engine = this.idle.pop() ?? this.build();
    const result = await run(engine); // on failure the engine is not returned to the pool
    if (this.idle.length < this.maxIdle) this.idle.push(engine);
    return result;
  }
}
