// A scenario's machines per area from a spreadsheet: each row a `MachineAllocation` of
// `CampaignInput.machines`, a pool serving the area's subtree.
import type { MachineAllocation } from '@muster/planning';
import { code, wholeNumber } from './cell-rules.ts';
import type { SheetKind } from './sheet-kind.ts';

/** One row of a machines sheet: the library's own `MachineAllocation`. */
export type MachineSheetRow = MachineAllocation;

export const MACHINE_SHEET: SheetKind<MachineSheetRow> = {
  name: 'machines',
  title: { vi: 'Số máy', en: 'Machines' },
  columns: [
    {
      key: 'areaCode',
      header: { vi: 'Mã địa bàn', en: 'Area code' },
      aliases: ['area', 'code', 'mã', 'mã đơn vị'],
      required: true,
      unique: true,
      rule: code(),
      note: {
        vi: 'Mã địa bàn; số máy phục vụ cả các địa bàn cấp dưới.',
        en: 'The area’s code; its machines serve the areas below it too.',
      },
      example: '67',
      numFmt: '@',
    },
    {
      key: 'machines',
      header: { vi: 'Số máy', en: 'Machines' },
      aliases: ['số máy thu nhận', 'số trạm', 'machines given'],
      required: true,
      rule: wholeNumber('machines'),
      note: { vi: 'Số máy (bộ thiết bị thu nhận) của địa bàn.', en: 'Enrollment machines the area has.' },
      example: 24,
      numFmt: '0',
    },
  ],
  toRow: (cells) => ({ areaCode: cells.areaCode as string, machines: cells.machines as number }),
};
