/**
 * The part of Node's EventEmitter that Sequelize calls on a pg `Client` and
 * its `connection` (`on`, `once`, `removeListener`, `emit`), without
 * depending on a Node built-in the browser bundle would have to polyfill.
 */
type Listener = (...args: unknown[]) => void;

export class SmallEventEmitter {
  private readonly listenersByEvent = new Map<string, Listener[]>();

  on(event: string, listener: Listener): this {
    this.listenersByEvent.set(event, [...this.listeners(event), listener]);
    return this;
  }

  addListener(event: string, listener: Listener): this {
    return this.on(event, listener);
  }

  once(event: string, listener: Listener): this {
    const wrapper: Listener & { listener?: Listener } = (...args) => {
      this.removeListener(event, wrapper);
      listener(...args);
    };
    wrapper.listener = listener;
    return this.on(event, wrapper);
  }

  removeListener(event: string, listener: Listener): this {
    const remaining = this.listeners(event).filter(
      (candidate) => candidate !== listener && (candidate as { listener?: Listener }).listener !== listener,
    );
    this.listenersByEvent.set(event, remaining);
    return this;
  }

  off(event: string, listener: Listener): this {
    return this.removeListener(event, listener);
  }

  removeAllListeners(event?: string): this {
    if (event === undefined) this.listenersByEvent.clear();
    else this.listenersByEvent.delete(event);
    return this;
  }

  listeners(event: string): Listener[] {
    return this.listenersByEvent.get(event) ?? [];
  }

  emit(event: string, ...args: unknown[]): boolean {
    const listeners = this.listeners(event);
    for (const listener of listeners) listener(...args);
    return listeners.length > 0;
  }
}
