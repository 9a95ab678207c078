/** A stand-in API for component tests: records every request and answers with `answer`. */
export function fakeApi(answer: (request: Request, body: unknown) => Response) {
  const calls: { method: string; path: string; headers: Headers; body: unknown }[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const text = await request.clone().text();
    const body = text ? JSON.parse(text) : undefined;
    calls.push({ method: request.method, path: new URL(request.url).pathname, headers: request.headers, body });
    return answer(request, body);
  };
  return { calls, fetch: fetch as typeof globalThis.fetch };
}

export const json = (status: number, body: unknown, type = 'application/json') => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
