import { z } from 'zod';

/**
 * The parts catalogue and fault categories technicians pick from onsite: HQ reference data,
 * published as versions through the library entity and synced like scripts. The shipped version
 * covers the seeds' appliance and telecom cases.
 */
export const APPLIANCES = ['water_heater', 'air_conditioner', 'washer', 'broadband', 'other'] as const;

const Names = z.object({ 'zh-CN': z.string().trim().min(1).max(100), 'zh-TW': z.string().trim().min(1).max(100), en: z.string().trim().min(1).max(100) });
export type CatalogueNames = z.infer<typeof Names>;
const Code = z.string().regex(/^[A-Z0-9-]{2,40}$/);

export const CataloguePart = z.object({
  code: Code,
  names: Names,
  appliance: z.enum(APPLIANCES),
  /** Fen (1/100 yuan). */
  unitPrice: z.number().int().nonnegative().max(100_000_000),
  /** Covered by the appliance's warranty as a rule; the technician may say otherwise for one job. */
  warranty: z.boolean(),
});
export type CataloguePart = z.infer<typeof CataloguePart>;

export const FaultCategory = z.object({ code: Code, names: Names, appliance: z.enum(APPLIANCES) });
export type FaultCategory = z.infer<typeof FaultCategory>;

const uniqueCodes = <S extends z.ZodType<{ parts: CataloguePart[]; faults: FaultCategory[] }>>(schema: S) =>
  schema
    .refine((c) => new Set(c.parts.map((p) => p.code)).size === c.parts.length, { message: 'part codes must be unique', path: ['parts'] })
    .refine((c) => new Set(c.faults.map((f) => f.code)).size === c.faults.length, { message: 'fault codes must be unique', path: ['faults'] });
const catalogueBody = z.object({ parts: z.array(CataloguePart).max(5_000), faults: z.array(FaultCategory).min(1).max(500) });
/** What a manager publishes; the version is the desk's to give. */
export const CatalogueContent = uniqueCodes(catalogueBody);
export const FieldCatalogue = uniqueCodes(catalogueBody.extend({ version: z.number().int().positive() }));
export type FieldCatalogue = z.infer<typeof FieldCatalogue>;

const n = (zhCN: string, zhTW: string, en: string): CatalogueNames => ({ 'zh-CN': zhCN, 'zh-TW': zhTW, en });
const part = (code: string, appliance: (typeof APPLIANCES)[number], names: CatalogueNames, yuan: number, warranty: boolean): CataloguePart => ({
  code,
  names,
  appliance,
  unitPrice: Math.round(yuan * 100),
  warranty,
});

export const SHIPPED_CATALOGUE: FieldCatalogue = FieldCatalogue.parse({
  version: 1,
  parts: [
    part('WH-VALVE-PR', 'water_heater', n('热水器泄压阀', '熱水器洩壓閥', 'Water heater pressure relief valve'), 45, true),
    part('WH-ANODE', 'water_heater', n('热水器镁棒', '熱水器鎂棒', 'Water heater anode rod'), 68, false),
    part('WH-ELEMENT', 'water_heater', n('热水器加热管', '熱水器加熱管', 'Water heater heating element'), 120, true),
    part('WH-THERMO', 'water_heater', n('热水器温控器', '熱水器溫控器', 'Water heater thermostat'), 85, true),
    part('WH-SEAL', 'water_heater', n('进出水口密封圈', '進出水口密封圈', 'Inlet/outlet seal'), 8, true),
    part('AC-CAP', 'air_conditioner', n('空调压缩机电容', '空調壓縮機電容', 'Air conditioner compressor capacitor'), 55, true),
    part('AC-R32', 'air_conditioner', n('R32 冷媒（每公斤）', 'R32 冷媒（每公斤）', 'R32 refrigerant (per kg)'), 150, false),
    part('AC-DRAIN', 'air_conditioner', n('空调排水管', '空調排水管', 'Air conditioner drain hose'), 25, false),
    part('AC-PCB', 'air_conditioner', n('空调室内机主板', '空調室內機主板', 'Air conditioner indoor control board'), 380, true),
    part('WM-PUMP', 'washer', n('洗衣机排水泵', '洗衣機排水泵', 'Washer drain pump'), 95, true),
    part('WM-BELT', 'washer', n('洗衣机皮带', '洗衣機皮帶', 'Washer drive belt'), 35, true),
    part('WM-HOSE', 'washer', n('洗衣机进水管', '洗衣機進水管', 'Washer inlet hose'), 30, false),
    part('WM-DOORSEAL', 'washer', n('滚筒门封圈', '滾筒門封圈', 'Drum door seal'), 110, true),
    part('BB-MODEM', 'broadband', n('光猫（更换）', '光貓（更換）', 'Optical modem (replacement)'), 0, true),
    part('BB-PATCH', 'broadband', n('光纤跳线', '光纖跳線', 'Fibre patch cord'), 15, false),
    part('BB-PSU', 'broadband', n('光猫电源适配器', '光貓電源適配器', 'Modem power adapter'), 25, true),
  ],
  faults: [
    { code: 'LEAK', names: n('漏水', '漏水', 'Leak'), appliance: 'other' },
    { code: 'NO-HEAT', names: n('不加热', '不加熱', 'Does not heat'), appliance: 'water_heater' },
    { code: 'OVERHEAT', names: n('过热或异味', '過熱或異味', 'Overheating or burning smell'), appliance: 'other' },
    { code: 'ELECTRICAL', names: n('漏电或跳闸', '漏電或跳閘', 'Electrical leak or tripping'), appliance: 'other' },
    { code: 'NO-COOL', names: n('不制冷', '不製冷', 'Does not cool'), appliance: 'air_conditioner' },
    { code: 'NOISE', names: n('异响或振动', '異響或振動', 'Noise or vibration'), appliance: 'other' },
    { code: 'NO-DRAIN', names: n('不排水', '不排水', 'Does not drain'), appliance: 'washer' },
    { code: 'NO-SYNC', names: n('宽带无法连接', '寬頻無法連線', 'No broadband connection'), appliance: 'broadband' },
    { code: 'SLOW', names: n('网速慢或掉线', '網速慢或斷線', 'Slow or dropping connection'), appliance: 'broadband' },
    { code: 'INSTALL', names: n('安装不当', '安裝不當', 'Faulty installation'), appliance: 'other' },
    { code: 'USER', names: n('使用不当（非质量问题）', '使用不當（非品質問題）', 'Misuse (not a product fault)'), appliance: 'other' },
    { code: 'NONE', names: n('未发现故障', '未發現故障', 'No fault found'), appliance: 'other' },
  ],
});
