import * as fs from 'node:fs';

// process.stdout is a stream: its first use loads node's stream machinery and, for a pipe, node:net,
// which a scan otherwise does not need. CI reads a report from a file or a pipe, which write(2) serves as well
// (node's own stdout writes to both synchronously). A terminal keeps node's stream (tty handling, and
// Windows' console wants UTF-16), and so does Windows, a descriptor that cannot be examined, and a
// non-blocking pipe that is full (EAGAIN: the stream waits for it to drain).

export interface StdoutWriter {
  write(text: string): void;
  readonly isTTY: boolean;
}

/**
 * The process' standard output. `closed` runs when the reader has gone (EPIPE: `bulwark scan | head`),
 * as node's stream reports it with an 'error' event.
 */
export function processStdout(closed: () => void): StdoutWriter {
  if (process.platform !== 'win32' && writesDirectly(1)) return directWriter(1, closed);
  const stream = lazyStream(closed);
  return {
    write: (text) => void stream().write(text),
    get isTTY() {
      return stream().isTTY === true;
    },
  };
}

/** process.stdout, opened at the first use, with the reader's going away reported to `closed`. */
function lazyStream(closed: () => void): () => NodeJS.WriteStream {
  let stream: NodeJS.WriteStream | undefined;
  return () => {
    if (stream) return stream;
    stream = process.stdout;
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') throw err;
      closed();
    });
    return stream;
  };
}

/** A regular file, a pipe or a socket: never a terminal. */
function writesDirectly(fd: number): boolean {
  try {
    const stat = fs.fstatSync(fd);
    return stat.isFile() || stat.isFIFO() || stat.isSocket();
  } catch {
    return false;
  }
}

function directWriter(fd: number, closed: () => void): StdoutWriter {
  const stream = lazyStream(closed);
  // Once a write was left to the stream, every later one goes after it, in order.
  let queued = false;
  const write = (text: string): void => {
    if (queued) {
      stream().write(text);
      return;
    }
    const bytes = Buffer.from(text, 'utf8');
    let offset = 0;
    try {
      while (offset < bytes.length) offset += fs.writeSync(fd, bytes, offset, bytes.length - offset);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') return closed();
      if (code !== 'EAGAIN') throw err;
      queued = true;
      stream().write(bytes.subarray(offset));
    }
  };
  return { write, isTTY: false };
}
