/**
 * A cold build's TypeScript texts, printed on the other core while this thread runs the rules. With
 * no text kept from a last build (the print memo is empty), printing every statement with ts-morph
 * is most of the TypeScript phase (2–3 s of the 2021 tree, after 0.4 s loading ts-morph), and one
 * core is idle after the pages are parsed. So once the model is built, its files' structures are
 * made (planModels), the texts the memo lacks are sent to a worker in one batch (BatchPrinter), and
 * the rules run; the emitter then prints the same plan through the memo, which holds the texts by
 * then. Where the worker gave no text, the emitter prints it in this thread: the text is ts-morph's
 * `printStructure` of the same structure either way.
 */
import type { ApiModel } from '../model/types.js';
import { memoStructures, planModels, type ModelPlan } from '../emit/ts/models.js';
import type { TextMemo } from './text-memo.js';
import { BatchPrinter } from '../emit/ts/printer.js';

export class TsPrefetch {
  private readonly printer = new BatchPrinter();
  private planned: { model: ApiModel; plan: ModelPlan } | undefined;
  private keys: string[] = [];

  constructor(readonly memo: TextMemo) {}

  /** Start the worker (it loads ts-morph while the pages are read). */
  start(): void {
    this.printer.start();
  }

  /** The model is built: make its files' structures and send the texts the memo lacks to the worker. */
  plan(model: ApiModel): void {
    const plan = planModels(model);
    const seen = new Set<string>();
    const batch: string[] = [];
    for (const [, file] of plan.files) {
      for (const [key, json] of memoStructures(file)) {
        if (seen.has(key) || this.memo.get(key) !== undefined) continue;
        seen.add(key);
        this.keys.push(key);
        batch.push(json);
      }
    }
    this.printer.submit(batch);
    this.planned = { model, plan };
  }

  /** The plan made for `model` (undefined if none was), once the worker's texts are in the memo. */
  async finish(model: ApiModel): Promise<ModelPlan | undefined> {
    const texts = await this.printer.texts();
    texts?.forEach((t, i) => { if (t !== undefined) this.memo.set(this.keys[i]!, t); });
    // Let go of the structures once printed (they are a cold build's largest object after the model: ~90 MB of the 2021 tree).
    const planned = this.planned;
    this.planned = undefined;
    this.keys = [];
    return planned?.model === model ? planned.plan : undefined;
  }

  close(): void {
    this.printer.close();
  }
}
