// What is still loading: a screen's data (useLoad) or the session check at start. The main region
// carries aria-busy="true" until it is all there, so assistive technology waits for the screen to be
// complete before reading it (and the browser tests wait for aria-busy="false").
import type { ComponentChildren } from 'preact';
import { useLayoutEffect, useState } from 'preact/hooks';

let loading = 0;
const listeners = new Set<(busy: boolean) => void>();

function publish(): void {
  for (const listener of listeners) listener(loading > 0);
}

/** Counts the calling component as loading while `isLoading` is true, from the render that shows it. */
export function useBusyWhile(isLoading: boolean): void {
  // A layout effect runs as the render is committed, before the paint and before any plain effect
  // starts a request, so there is no moment in between at which the screen looks finished.
  useLayoutEffect(() => {
    if (!isLoading) return;
    loading++;
    publish();
    return () => {
      loading--;
      publish();
    };
  }, [isLoading]);
}

/** True while anything counted by useBusyWhile is loading. */
function useIsBusy(): boolean {
  const [busy, setBusy] = useState(loading > 0);
  useLayoutEffect(() => {
    listeners.add(setBusy);
    // The screen inside committed its own count just before this (children's layout effects run first).
    setBusy(loading > 0);
    return () => void listeners.delete(setBusy);
  }, []);
  return busy;
}

/** The page's main region, aria-busy while its content is loading. */
export function Main(props: { class: string; children: ComponentChildren }) {
  const busy = useIsBusy();
  return (
    <main id="main" class={props.class} aria-busy={busy ? 'true' : 'false'}>
      {props.children}
    </main>
  );
}
