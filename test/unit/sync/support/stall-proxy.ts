import net from 'node:net';

/**
 * A TCP proxy on 127.0.0.1 between the sync clients and a server, to take a client "offline" the way a
 * dropped network does: `stall()` keeps every connection open but stops carrying bytes (they are held,
 * and arrive on `resume()`, as a stalled network delivers them late), and new connections are accepted
 * but carry nothing either. `cut()` ends every connection at once. `retarget()` points new connections
 * at another server port (a restarted server). Held bytes are bounded; beyond that the connection is cut.
 */
const MAX_HELD_BYTES = 16 * 1024 * 1024;

interface Pipe {
  client: net.Socket;
  upstream: net.Socket | null;
  toServer: Buffer[];
  toClient: Buffer[];
  held: number;
}

export class StallProxy {
  private readonly pipes = new Set<Pipe>();
  private stalled = false;
  private target: number;

  private constructor(
    private readonly server: net.Server,
    readonly port: number,
    target: number,
  ) {
    this.target = target;
  }

  static async start(targetPort: number): Promise<StallProxy> {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as net.AddressInfo).port;
    const proxy = new StallProxy(server, port, targetPort);
    server.on('connection', (client) => proxy.accept(client));
    return proxy;
  }

  get url(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  get connections(): number {
    return this.pipes.size;
  }

  retarget(port: number): void {
    this.target = port;
  }

  stall(): void {
    this.stalled = true;
  }

  resume(): void {
    this.stalled = false;
    for (const pipe of this.pipes) {
      if (!pipe.upstream) this.connectUpstream(pipe);
      this.flush(pipe);
    }
  }

  /** Ends every connection (both sides see it closed). */
  cut(): void {
    for (const pipe of [...this.pipes]) this.end(pipe);
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: net.Socket): void {
    const pipe: Pipe = { client, upstream: null, toServer: [], toClient: [], held: 0 };
    this.pipes.add(pipe);
    client.on('data', (chunk: Buffer) => this.carry(pipe, 'toServer', chunk));
    client.on('close', () => this.end(pipe));
    client.on('error', () => this.end(pipe));
    if (!this.stalled) this.connectUpstream(pipe);
  }

  private connectUpstream(pipe: Pipe): void {
    const upstream = net.connect(this.target, '127.0.0.1');
    pipe.upstream = upstream;
    upstream.on('connect', () => this.flush(pipe));
    upstream.on('data', (chunk: Buffer) => this.carry(pipe, 'toClient', chunk));
    upstream.on('close', () => this.end(pipe));
    upstream.on('error', () => this.end(pipe));
  }

  private carry(pipe: Pipe, direction: 'toServer' | 'toClient', chunk: Buffer): void {
    pipe[direction].push(chunk);
    pipe.held += chunk.length;
    if (pipe.held > MAX_HELD_BYTES) this.end(pipe);
    else this.flush(pipe);
  }

  private flush(pipe: Pipe): void {
    if (this.stalled || !this.pipes.has(pipe)) return;
    const upstream = pipe.upstream;
    if (upstream && !upstream.connecting) {
      for (const chunk of pipe.toServer.splice(0)) upstream.write(chunk);
    }
    for (const chunk of pipe.toClient.splice(0)) pipe.client.write(chunk);
    pipe.held = [...pipe.toServer, ...pipe.toClient].reduce((sum, chunk) => sum + chunk.length, 0);
  }

  private end(pipe: Pipe): void {
    if (!this.pipes.delete(pipe)) return;
    pipe.client.destroy();
    pipe.upstream?.destroy();
  }
}
