import { getBackend, setBackend } from '@tensorkit/tensor';

/**
 * Switches to the requested backend. WebGL is loaded only when asked for; where it cannot start
 * (Node has no WebGL), the error says so and names the CPU backend.
 */
export async function selectBackend(name: string): Promise<void> {
  if (name === 'webgl') await import('@tensorkit/backend-webgl/register');
  else if (name !== 'cpu') throw new Error(`unknown backend '${name}': use --backend cpu (the default) or --backend webgl (browsers only)`);
  try {
    await setBackend(name);
  } catch (e) {
    const why = e instanceof Error ? e.message.split('. ')[0] : String(e);
    throw new Error(
      `the '${name}' backend is not available here (${why}). WebGL needs a browser; in Node, run with --backend cpu (the default, the pure TypeScript CPU backend).`,
      { cause: e },
    );
  }
  if (getBackend() !== name) throw new Error(`asked for backend '${name}' but got '${getBackend()}'`);
}
