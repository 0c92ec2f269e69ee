/**
 * Moving handled messages out of the inbox, with the result checked. imapflow's messageMove
 * returns false on a NO instead of throwing: EXPUNGEISSUED when another session moved one of
 * the messages, TRYCREATE when an administrator deleted the target folder. Unchecked, the first
 * left a whole batch to be read again and the second re-ingested the same messages every resync
 * for ever, silently. A failed batch is retried message by message; a message that still cannot
 * be moved and is still in the inbox is reported as stuck.
 */
export interface MoveClient {
  messageMove(range: string, destination: string, options: { uid: true }): Promise<unknown>;
  search(query: { uid: string }, options: { uid: true }): Promise<number[] | false | undefined>;
}

/** Moves `uids` to `folder`; returns the UIDs that could not be moved and are still there. */
export async function moveChecked(client: MoveClient, uids: readonly number[], folder: string): Promise<number[]> {
  if (uids.length === 0) return [];
  if ((await client.messageMove(uids.join(','), folder, { uid: true })) !== false) return [];
  const stuck: number[] = [];
  for (const uid of uids) {
    if ((await client.messageMove(String(uid), folder, { uid: true })) !== false) continue;
    // Gone means another session moved it: nothing is lost and nothing to report.
    const still = await client.search({ uid: String(uid) }, { uid: true });
    if (Array.isArray(still) && still.includes(uid)) stuck.push(uid);
  }
  return stuck;
}
