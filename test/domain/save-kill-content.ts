/** What save number `seq` of a kill-test post holds, so the test can tell which save is stored. */
export function savedContent(key: string, seq: number) {
  return {
    title: `Story ${key} save ${seq}`,
    text: `Body of story ${key}, save ${seq}: harbour quota trawler ${seq % 7}.`,
    status: seq % 3 === 2 ? ('published' as const) : ('draft' as const),
  };
}

/** The save number in a title written by savedContent. */
export function seqOfTitle(title: string): number {
  return Number(/ save (\d+)$/.exec(title)?.[1] ?? Number.NaN);
}
