import * as assert from 'node:assert/strict';
import { IdleCollection, type ExposedGc, type HeapReadings } from '../../server/src/lsp/idle-collection';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
/** Two turns of the event loop: when a collection asked for after a delivery has run. */
const afterCollection = async () => {
  await nextTurn();
  await nextTurn();
};

const MIB = 1024 * 1024;

/** A heap whose young generation is this full and whose old generation holds these sizes, one per look (the last one kept). */
function heap(youngFullness: number, oldMiB: readonly number[] = [10]): HeapReadings {
  let look = 0;
  return { youngFullness: () => youngFullness, oldBytes: () => oldMiB[Math.min(look++, oldMiB.length - 1)] * MIB };
}

describe('IdleCollection', () => {
  const recording = () => {
    const calls: Parameters<ExposedGc>[0][] = [];
    return { calls, gc: (options?: Parameters<ExposedGc>[0]) => void calls.push(options) };
  };

  /** One delivery after another, each followed by its turn of collection. */
  const deliveries = async (idle: IdleCollection, count: number) => {
    for (let i = 0; i < count; i++) {
      idle.afterDelivery();
      await afterCollection();
    }
  };

  it('collects the young generation after a delivery when it is more than half full, once the event loop turns', async () => {
    const { calls, gc } = recording();
    const idle = new IdleCollection(gc, heap(0.6));
    idle.afterDelivery();
    assert.deepEqual(calls, [], 'not inside the delivery itself');
    await afterCollection();
    assert.deepEqual(calls, [{ type: 'minor', execution: 'sync' }]);
  });

  it('collects after the answer is written, which vscode-jsonrpc does in a setImmediate queued after the delivery', async () => {
    const order: string[] = [];
    const idle = new IdleCollection(() => void order.push('collected'), heap(0.9));
    idle.afterDelivery();
    // The stream writer's write semaphore, as the pulled report is returned.
    setImmediate(() => order.push('answer written'));
    await afterCollection();
    assert.deepEqual(order, ['answer written', 'collected']);
  });

  it('collects once for several deliveries in one turn', async () => {
    const { calls, gc } = recording();
    const idle = new IdleCollection(gc, heap(0.9));
    idle.afterDelivery();
    idle.afterDelivery();
    await afterCollection();
    assert.equal(calls.length, 1);
    idle.afterDelivery();
    await afterCollection();
    assert.equal(calls.length, 2, 'a later delivery collects again');
  });

  it('leaves a young generation at most half full to the next analysis', async () => {
    const { calls, gc } = recording();
    new IdleCollection(gc, heap(0.5)).afterDelivery();
    await afterCollection();
    assert.deepEqual(calls, []);
  });

  it('does nothing in a process started without --expose-gc', async () => {
    let asked = 0;
    new IdleCollection(undefined, { youngFullness: () => (asked++, 1), oldBytes: () => (asked++, 100 * MIB) }).afterDelivery();
    await afterCollection();
    assert.equal(asked, 0);
  });

  it('collects the whole heap, young generation included, once the old generation grew by more than 6 MiB since the least it held', async () => {
    const { calls, gc } = recording();
    // 10 MiB at the first delivery, 16 at the second (grown by 6: not yet), 16.5 at the third; 10 again after the collection.
    const idle = new IdleCollection(gc, heap(0.9, [10, 16, 16.5, 10]));
    await deliveries(idle, 2);
    assert.deepEqual(calls, [{ type: 'minor', execution: 'sync' }, { type: 'minor', execution: 'sync' }]);
    await deliveries(idle, 1);
    assert.deepEqual(calls.slice(2), [undefined], 'a full collection (gc() without options), instead of the young one');
    await deliveries(idle, 1);
    assert.deepEqual(calls.slice(3), [{ type: 'minor', execution: 'sync' }], 'measured again from what the collection left');
  });

  it('waits for a quarter of a larger old generation', async () => {
    const { calls, gc } = recording();
    const idle = new IdleCollection(gc, heap(0, [40, 49.5, 50.5]));
    await deliveries(idle, 2);
    assert.deepEqual(calls, [], 'grown by 9.5 of 40 MiB');
    await deliveries(idle, 1);
    assert.deepEqual(calls, [undefined], 'grown by 10.5 of 40 MiB');
  });

  it("measures growth from what V8's own mark-compact left", async () => {
    const { calls, gc } = recording();
    // V8 collected between the second and the third delivery: 14 -> 8 MiB; 13.5 is then 5.5 MiB of growth, 14.5 is 6.5.
    const idle = new IdleCollection(gc, heap(0, [10, 14, 8, 13.5, 14.5]));
    await deliveries(idle, 4);
    assert.deepEqual(calls, []);
    await deliveries(idle, 1);
    assert.deepEqual(calls, [undefined]);
  });
});
