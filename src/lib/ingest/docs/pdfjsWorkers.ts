// pdf.js workers kept between the documents of a batch in the browser. Without one, pdf.js starts
// a worker for every document (loading and compiling its ~1 MB script each time); documents read
// two at a time (readAhead.ts) each borrow their own, so they still run on two cores. Workers left
// idle for a while are ended, so an import leaves none behind.
interface PdfWorkerLike { destroy(): void }
interface PdfJsWithWorker { PDFWorker: new (o?: Record<string, unknown>) => PdfWorkerLike }

const IDLE_MS = 20_000;
const idle: { worker: PdfWorkerLike; timer: ReturnType<typeof setTimeout> }[] = [];

/** Runs `fn` with a pdf.js worker of its own for the time of the call. */
export async function withPdfWorker<T>(pdfjs: PdfJsWithWorker, fn: (worker: PdfWorkerLike) => Promise<T>): Promise<T> {
  const kept = idle.pop();
  if (kept) clearTimeout(kept.timer);
  const worker = kept?.worker ?? new pdfjs.PDFWorker();
  let healthy = true;
  try {
    return await fn(worker);
  } catch (e) {
    healthy = false; // a document that failed may have left the worker in a bad state: not reused
    throw e;
  } finally {
    if (healthy) {
      const entry = { worker, timer: setTimeout(() => end(entry), IDLE_MS) };
      idle.push(entry);
    } else worker.destroy();
  }
}

function end(entry: (typeof idle)[number]) {
  const i = idle.indexOf(entry);
  if (i >= 0) idle.splice(i, 1);
  entry.worker.destroy();
}
