import * as assert from 'node:assert/strict';
import { IdleCollection, type ExposedGc } from '../../server/src/lsp/idle-collection';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
/** Two turns of the event loop: when a collection asked for after a delivery has run. */
const afterCollection = async () => {
  await nextTurn();
  await nextTurn();
};

describe('IdleCollection', () => {
  const recording = () => {
    const calls: Parameters<ExposedGc>[0][] = [];
    return { calls, gc: (options: Parameters<ExposedGc>[0]) => void calls.push(options) };
  };

  it('collects the young generation after a delivery when it is more than half full, once the event loop turns', async () => {
    const { calls, gc } = recording();
    const idle = new IdleCollection(gc, () => 0.6);
    idle.afterDelivery();
    assert.deepEqual(calls, [], 'not inside the delivery itself');
    await afterCollection();
    assert.deepEqual(calls, [{ type: 'minor', execution: 'sync' }]);
  });

  it('collects after the answer is written, which vscode-jsonrpc does in a setImmediate queued after the delivery', async () => {
    const order: string[] = [];
    const idle = new IdleCollection(() => void order.push('collected'), () => 0.9);
    idle.afterDelivery();
    // The stream writer's write semaphore, as the pulled report is returned.
    setImmediate(() => order.push('answer written'));
    await afterCollection();
    assert.deepEqual(order, ['answer written', 'collected']);
  });

  it('collects once for several deliveries in one turn', async () => {
    const { calls, gc } = recording();
    const idle = new IdleCollection(gc, () => 0.9);
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
    new IdleCollection(gc, () => 0.5).afterDelivery();
    await afterCollection();
    assert.deepEqual(calls, []);
  });

  it('does nothing in a process started without --expose-gc', async () => {
    let asked = 0;
    new IdleCollection(undefined, () => (asked++, 1)).afterDelivery();
    await afterCollection();
    assert.equal(asked, 0);
  });
});
