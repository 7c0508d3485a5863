import { spawnSync } from 'node:child_process';
import autocannon from 'autocannon';

export interface LoadResult {
  tool: 'wrk' | 'autocannon';
  requestsPerSecond: number;
  non2xx: number;
}

const hasWrk = spawnSync('sh', ['-c', 'command -v wrk'], { encoding: 'utf8' }).status === 0;

/** Loads one URL for a fixed time. wrk (C, lighter on the shared CPU) when installed, else autocannon. */
export async function load(url: string, seconds: number, connections = 64): Promise<LoadResult> {
  if (hasWrk) {
    const run = spawnSync('wrk', ['-t1', `-c${connections}`, `-d${seconds}s`, '--latency', url], {
      encoding: 'utf8',
    });
    const rps = /Requests\/sec:\s+([\d.]+)/.exec(run.stdout);
    const bad = /Non-2xx or 3xx responses:\s+(\d+)/.exec(run.stdout);
    if (!rps) throw new Error(`wrk gave no figure:\n${run.stdout}${run.stderr}`);
    return { tool: 'wrk', requestsPerSecond: Number(rps[1]), non2xx: bad ? Number(bad[1]) : 0 };
  }
  const result = await autocannon({ url, connections, duration: seconds, pipelining: 1 });
  return { tool: 'autocannon', requestsPerSecond: result.requests.average, non2xx: result.non2xx };
}
