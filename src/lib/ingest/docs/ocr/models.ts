// The three ONNX sessions behind OcrModels, for either runtime: onnxruntime-web and
// onnxruntime-node share onnxruntime-common's InferenceSession and Tensor API.
import type { OcrModels } from './engine';
import { classesFromDict } from './ctc';

interface OrtTensor { data: unknown; dims: readonly number[] }
interface OrtSession { inputNames: readonly string[]; outputNames: readonly string[]; run(feeds: Record<string, OrtTensor>): Promise<Record<string, OrtTensor>> }
export interface OrtLike {
  InferenceSession: { create(model: Uint8Array, opts?: Record<string, unknown>): Promise<OrtSession> };
  Tensor: new (type: 'float32', data: Float32Array, dims: number[]) => OrtTensor;
}

export interface ModelBytes { det: Uint8Array; rec: Uint8Array; cls: Uint8Array; dict: string }

export async function createModels(ort: OrtLike, bytes: ModelBytes, opts: Record<string, unknown> = {}): Promise<OcrModels> {
  const [det, rec, cls] = await Promise.all([bytes.det, bytes.rec, bytes.cls].map((b) => ort.InferenceSession.create(b, opts)));
  const run = async (s: OrtSession, data: Float32Array, dims: number[]) => {
    const res = await s.run({ [s.inputNames[0]]: new ort.Tensor('float32', data, dims) });
    return res[s.outputNames[0]];
  };
  return {
    classes: classesFromDict(bytes.dict),
    det: async (data, h, w) => (await run(det, data, [1, 3, h, w])).data as Float32Array,
    rec: async (data, n, w) => {
      const t = await run(rec, data, [n, 3, 48, w]);
      return { data: t.data as Float32Array, steps: t.dims[1], classes: t.dims[2] };
    },
    cls: async (data, n) => (await run(cls, data, [n, 3, 48, 192])).data as Float32Array,
  };
}
