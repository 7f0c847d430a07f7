// Demo data: a few dozen fictional enterprises (names, people and tax codes invented; tax codes
// from generateTaxCode are valid but synthetic). Seeded through the domain and the repository, so
// each gets its events like a real registration. Plus a fast bulk generator for benchmarks.
import type { Logger } from '@hangviet/service-kit';
import { isDuplicateKey } from '@hangviet/service-kit/mongo-errors';
import { generateTaxCode, province, wards } from '@hangviet/vn';
import { Business, type BusinessStatus, type BusinessType, type EmployeeRange } from '../domain/business';
import type { RegistryDeps } from '../application/ports';
import { prepareRegistration } from '../application/register-business';
import type { RegisterBusinessBody } from '../application/profile-schema';
import type { BusinessDocument, BusinessModel } from './business-model';
import { MongoDirectoryEntries } from './directory-entries';
import { toState } from './mongo-business-repository';

const SEED_ACTOR = { subject: 'seed' };

interface DemoBusiness {
  body: Omit<RegisterBusinessBody, 'taxCode'>;
  status: BusinessStatus;
}

type Place = { provinceCode: string; wardCode: string } | { legacy: { provinceName: string; districtName: string; wardName: string } };

function demo(
  legalName: string,
  tradeName: string | undefined,
  type: BusinessType,
  place: Place,
  street: string,
  industries: string[],
  extra: { english?: string; email?: string; phone?: string; rep?: string; employees?: EmployeeRange; founded?: string; status?: BusinessStatus; description?: string } = {},
): DemoBusiness {
  const body: Omit<RegisterBusinessBody, 'taxCode'> = {
    type,
    legalName,
    industries: industries.map((code, n) => ({ edition: '2018' as const, code, main: n === 0 })),
    ...('legacy' in place
      ? { legacyAddress: { ...place.legacy, street } }
      : { address: { provinceCode: place.provinceCode, wardCode: place.wardCode, street } }),
    ...(tradeName ? { tradeName } : {}),
    ...(extra.english ? { englishName: extra.english } : {}),
    ...(extra.email || extra.phone ? { contact: { ...(extra.email ? { email: extra.email } : {}), ...(extra.phone ? { phone: extra.phone } : {}) } } : {}),
    ...(extra.rep ? { representative: { fullName: extra.rep, position: type === 'COOPERATIVE' ? 'Giám đốc HTX' : 'Giám đốc' } } : {}),
    ...(extra.employees ? { employeeRange: extra.employees } : {}),
    ...(extra.founded ? { foundingDate: extra.founded } : {}),
    ...(extra.description ? { description: extra.description } : {}),
  };
  return { body, status: extra.status ?? 'ACTIVE' };
}

const VL = (wardCode: string): Place => ({ provinceCode: '86', wardCode });
const LS = (wardCode: string): Place => ({ provinceCode: '20', wardCode });
const BT = (districtName: string, wardName: string): Place => ({ legacy: { provinceName: 'Bến Tre', districtName, wardName } });

/** The demo directory. Bến Tre entries carry their pre-2025 address and are mapped to Vĩnh Long. */
export const DEMO_BUSINESSES: DemoBusiness[] = [
  demo('Công ty TNHH Kẹo dừa Thanh Long', 'Kẹo dừa Thanh Long', 'COMPANY', BT('Mỏ Cày Nam', 'Thị trấn Mỏ Cày'), '45 Quốc lộ 60, khu phố 3', ['1073', '4632'], { english: 'Thanh Long Coconut Candy Co., Ltd', email: 'lienhe@keoduathanhlong.vn', phone: '0275 3843 211', rep: 'Nguyễn Văn Thành', employees: '50-199', founded: '2004-03-12', description: 'Kẹo dừa truyền thống Mỏ Cày, kẹo dừa sầu riêng, kẹo dừa lá dứa.' }),
  demo('Cơ sở Kẹo dừa Bà Tư Mỏ Cày', 'Kẹo dừa Bà Tư', 'HOUSEHOLD', BT('Mỏ Cày Bắc', 'Xã Phước Mỹ Trung'), 'Ấp Phước Hậu', ['1073'], { phone: '0918 224 617', rep: 'Trần Thị Tư', employees: '1-9', founded: '1998-06-01' }),
  demo('Công ty Cổ phần Dừa Xanh Bến Tre', 'Dừa Xanh', 'COMPANY', BT('Châu Thành', 'Xã Tân Thạch'), '12 Quốc lộ 60', ['1079', '1030', '4632'], { english: 'Ben Tre Green Coconut JSC', email: 'info@duaxanhbentre.vn', phone: '0275 3610 888', rep: 'Lê Hoàng Phúc', employees: '200-999', founded: '2010-09-20' }),
  demo('Hợp tác xã Dừa hữu cơ Giồng Trôm', 'HTX Dừa hữu cơ Giồng Trôm', 'COOPERATIVE', BT('Giồng Trôm', 'Thị trấn Giồng Trôm'), 'Ấp 4', ['0150', '1079'], { english: 'Giong Trom Organic Coconut Cooperative', email: 'htxduagiongtrom@gmail.com', phone: '0983 556 120', rep: 'Võ Văn Lực', employees: '10-49', founded: '2016-11-05' }),
  demo('Công ty TNHH Kẹo dừa Phượng Hoàng', 'Kẹo dừa Phượng Hoàng', 'COMPANY', VL('28903'), '88 đường Nguyễn Đình Chiểu', ['1073'], { english: 'Phuong Hoang Coconut Candy', email: 'sales@keoduaphuonghoang.vn', phone: '0275 3663 456', rep: 'Phạm Thị Hồng', employees: '10-49', founded: '2012-01-15' }),
  demo('Công ty TNHH Thạch dừa Mỹ Lồng', 'Thạch dừa Mỹ Lồng', 'COMPANY', VL('28984'), 'Chợ Mỹ Lồng', ['1079', '1104'], { english: 'My Long Coconut Jelly Co., Ltd', email: 'thachdua@mylong.vn', phone: '0275 3860 119', rep: 'Đặng Minh Tâm', employees: '50-199', founded: '2008-05-30' }),
  demo('Cơ sở Bánh tráng Mỹ Lồng Út Hiền', 'Bánh tráng Út Hiền', 'HOUSEHOLD', VL('28984'), 'Ấp Mỹ Thạnh', ['1079'], { phone: '0939 112 845', rep: 'Huỳnh Thị Hiền', employees: '1-9' }),
  demo('Hợp tác xã Bưởi da xanh Chợ Lách', 'HTX Bưởi da xanh Chợ Lách', 'COOPERATIVE', VL('28870'), 'Ấp Phú Hòa', ['0150', '4632'], { english: 'Cho Lach Green-Skin Pomelo Cooperative', email: 'buoidaxanh.cholach@gmail.com', phone: '0917 300 512', rep: 'Nguyễn Văn Bé', employees: '10-49', founded: '2015-04-18' }),
  demo('Công ty TNHH Cây giống Cái Mơn', 'Cây giống Cái Mơn', 'COMPANY', BT('Chợ Lách', 'Xã Vĩnh Thành'), 'Ấp Vĩnh Hưng', ['0150'], { english: 'Cai Mon Seedlings Co., Ltd', email: 'caigiongcaimon@gmail.com', phone: '0909 445 210', rep: 'Trương Văn Kiệt', employees: '10-49' }),
  demo('Công ty Cổ phần Mật hoa dừa Sokfarm', 'Mật hoa dừa Sokfarm', 'COMPANY', VL('29110'), 'Ấp Phú Lợi', ['1079', '1104'], { english: 'Sokfarm Coconut Nectar JSC', email: 'hello@sokfarm.vn', phone: '0275 3855 301', rep: 'Lâm Thị Ngọc', employees: '50-199', founded: '2017-02-10' }),
  demo('Hợp tác xã Thủy sản Bình Đại', 'HTX Thủy sản Bình Đại', 'COOPERATIVE', VL('29050'), 'Ấp Bình Thới', ['1020'], { english: 'Binh Dai Fisheries Cooperative', phone: '0275 3851 722', rep: 'Phan Văn Sơn', employees: '10-49' }),
  demo('Công ty TNHH Trà Vinh Food', 'Trà Vinh Food', 'COMPANY', VL('29242'), '21 đường Phạm Thái Bường', ['1075', '4632'], { english: 'Tra Vinh Food Co., Ltd', email: 'contact@travinhfood.vn', phone: '0294 3862 555', rep: 'Thạch Sô Phol', employees: '50-199' }),
  demo('Cơ sở Bánh tét Trà Cuôn', 'Bánh tét Trà Cuôn', 'HOUSEHOLD', VL('29266'), 'Ấp Trà Cuôn', ['1075'], { phone: '0944 210 377', rep: 'Kim Thị Sa Rươne', employees: '1-9' }),
  demo('Công ty TNHH Kẹo dừa Thiên Phú', 'Kẹo dừa Thiên Phú', 'COMPANY', VL('28789'), '5 đường Đồng Khởi', ['1073'], { email: 'thienphu@keodua.vn', phone: '0275 3822 909', rep: 'Bùi Văn Phú', status: 'PENDING_REVIEW' }),
  demo('Cơ sở Kẹo chuối Ba Tri', 'Kẹo chuối Ba Tri', 'HOUSEHOLD', VL('29110'), 'Ấp An Thạnh', ['1073'], { phone: '0977 612 034', rep: 'Lê Thị Bảy', status: 'PENDING_REVIEW' }),
  demo('Công ty TNHH Dầu dừa Đồng Khởi', 'Dầu dừa Đồng Khởi', 'COMPANY', VL('28945'), 'Ấp Bình Đông', ['1079'], { english: 'Dong Khoi Coconut Oil', email: 'daudua@dongkhoi.vn', rep: 'Ngô Thanh Hải', status: 'SUSPENDED' }),
  demo('Hợp tác xã Hồi Văn Quan', 'HTX Hồi Văn Quan', 'COOPERATIVE', LS('06253'), 'Thôn Bản Pằng', ['0128', '4632'], { english: 'Van Quan Star Anise Cooperative', email: 'hoivanquan@gmail.com', phone: '0205 3830 412', rep: 'Hoàng Văn Khoa', employees: '10-49', founded: '2014-08-22', description: 'Hồi khô, tinh dầu hồi, hồi hoa đỏ Văn Quan.' }),
  demo('Hợp tác xã Nông sản Bình Gia', 'HTX Nông sản Bình Gia', 'COOPERATIVE', LS('06112'), 'Khu 2', ['0128', '0150'], { english: 'Binh Gia Farm Produce Cooperative', phone: '0912 760 318', rep: 'Nông Thị Mai', employees: '10-49' }),
  demo('Công ty TNHH Tinh dầu hồi Lạng Sơn', 'Tinh dầu hồi Xứ Lạng', 'COMPANY', LS('05977'), '36 đường Bà Triệu', ['2029', '4632'], { english: 'Lang Son Star Anise Oil Co., Ltd', email: 'info@tinhdauhoi.vn', phone: '0205 3712 345', rep: 'Lương Đức Anh', employees: '10-49', founded: '2011-03-03' }),
  demo('Hợp tác xã Hồi Tràng Định', 'HTX Hồi Tràng Định', 'COOPERATIVE', LS('06046'), 'Thôn Nà Lầu', ['0128'], { phone: '0988 450 233', rep: 'Hà Văn Tuấn', employees: '10-49' }),
  demo('Hợp tác xã Quế hồi Khánh Khê', 'HTX Quế hồi Khánh Khê', 'COOPERATIVE', LS('06286'), 'Thôn Khòn Khẻ', ['0128'], { rep: 'Lộc Văn Dũng', employees: '1-9' }),
  demo('Công ty Cổ phần Na Chi Lăng', 'Na Chi Lăng', 'COMPANY', LS('06463'), 'Thôn Đồng Bành', ['0150', '4632'], { english: 'Chi Lang Custard Apple JSC', email: 'nachilang@gmail.com', phone: '0205 3820 116', rep: 'Vi Văn Thắng', employees: '10-49', founded: '2018-07-01' }),
  demo('Hợp tác xã Thạch đen Tràng Định', 'HTX Thạch đen Tràng Định', 'COOPERATIVE', LS('06046'), 'Thôn Bản Hẩu', ['1079'], { rep: 'Hoàng Thị Lan', employees: '10-49' }),
  demo('Cơ sở Khâu nhục Lộc Bình', 'Khâu nhục Lộc Bình', 'HOUSEHOLD', LS('06529'), 'Khu Hòa Bình', ['1075'], { phone: '0945 310 225', rep: 'Lăng Văn Hòa', employees: '1-9' }),
  demo('Công ty TNHH Đào Mẫu Sơn', 'Đào Mẫu Sơn', 'COMPANY', LS('06541'), 'Thôn Khuổi Tẩu', ['0150'], { english: 'Mau Son Peach Co., Ltd', rep: 'Triệu Văn Sài', employees: '10-49', status: 'PENDING_REVIEW' }),
  demo('Hợp tác xã Rượu Mẫu Sơn', 'HTX Rượu Mẫu Sơn', 'COOPERATIVE', LS('06541'), 'Thôn Bản Lải', ['1104'], { rep: 'Phùng Văn Cao', employees: '1-9' }),
  demo('Công ty TNHH Cà phê Đắk Lắk Xanh', 'Cà phê Đắk Lắk Xanh', 'COMPANY', { provinceCode: '66', wardCode: '24133' }, '102 đường Lê Duẩn', ['1079', '4632'], { english: 'Dak Lak Green Coffee Co., Ltd', email: 'hello@caphedaklakxanh.vn', phone: '0262 3856 777', rep: 'Y Bhin Niê', employees: '50-199', founded: '2009-12-01' }),
  demo('Hợp tác xã Cà phê Ea Tul', 'HTX Cà phê Ea Tul', 'COOPERATIVE', { provinceCode: '66', wardCode: '24277' }, 'Buôn Ea Tul', ['0150'], { rep: 'H Lan Êban', employees: '10-49' }),
  demo('Công ty TNHH Mật ong Buôn Hồ', 'Mật ong Buôn Hồ', 'COMPANY', { provinceCode: '66', wardCode: '24305' }, '9 đường Hùng Vương', ['0150', '4632'], { english: 'Buon Ho Honey Co., Ltd', phone: '0262 3870 212', rep: 'Nguyễn Thị Đào', employees: '10-49' }),
  demo('Công ty TNHH Đá mỹ nghệ Non Nước', 'Đá Non Nước', 'COMPANY', { provinceCode: '01', wardCode: '00070' }, '15 phố Hàng Bạc', ['3290', '4632'], { english: 'Non Nuoc Stone Art', email: 'da@nonnuoc.vn', rep: 'Trịnh Văn Đá', employees: '10-49' }),
  demo('Công ty TNHH Da giày Hoàn Kiếm', 'Da giày Hoàn Kiếm', 'COMPANY', { provinceCode: '01', wardCode: '00070' }, '40 phố Hàng Dầu', ['1520', '4632'], { english: 'Hoan Kiem Leather Shoes', email: 'info@dagiayhoankiem.vn', rep: 'Đỗ Thị Da', employees: '10-49' }),
  demo('Công ty Cổ phần Gốm Bát Tràng Hồng Hà', 'Gốm Hồng Hà', 'COMPANY', { provinceCode: '01', wardCode: '00097' }, '12 phố Bạch Đằng', ['2393'], { english: 'Hong Ha Bat Trang Ceramics JSC', email: 'gom@hongha.vn', phone: '024 3826 1234', rep: 'Nguyễn Văn Gốm', employees: '50-199' }),
  demo('Công ty TNHH Nón lá Hàm Rồng', 'Nón lá Hàm Rồng', 'COMPANY', { provinceCode: '38', wardCode: '14758' }, 'Phố Hàm Rồng', ['3290'], { english: 'Ham Rong Conical Hats', rep: 'Lê Thị Nón', employees: '10-49' }),
  demo('Cơ sở Nem chua Thanh Hóa Bà Hạnh', 'Nem chua Bà Hạnh', 'HOUSEHOLD', { provinceCode: '38', wardCode: '14797' }, '66 đường Lê Hoàn', ['1010'], { phone: '0237 3852 111', rep: 'Phạm Thị Hạnh', employees: '1-9' }),
  demo('Công ty TNHH Nhãn lồng Phố Hiến', 'Nhãn lồng Phố Hiến', 'COMPANY', { provinceCode: '33', wardCode: '11953' }, '2 đường Bãi Sậy', ['0150', '4632'], { english: 'Pho Hien Longan Co., Ltd', email: 'nhanlong@phohien.vn', rep: 'Vũ Văn Nhãn', employees: '10-49' }),
  demo('Hợp tác xã Tương Bần Như Quỳnh', 'HTX Tương Bần', 'COOPERATIVE', { provinceCode: '33', wardCode: '12004' }, 'Thôn Bần', ['1079'], { rep: 'Nguyễn Thị Tương', employees: '1-9' }),
  demo('Công ty TNHH Hạt điều Bình Dương', 'Hạt điều Thủ Dầu Một', 'COMPANY', { provinceCode: '79', wardCode: '25747' }, '99 đường Yersin', ['1030', '4632'], { english: 'Thu Dau Mot Cashew Co., Ltd', email: 'sales@hatdieutdm.vn', phone: '0274 3822 456', rep: 'Lý Văn Điều', employees: '200-999' }),
  demo('Công ty TNHH Sơn mài Tương Bình Hiệp', 'Sơn mài Tương Bình Hiệp', 'COMPANY', { provinceCode: '79', wardCode: '25750' }, '17 đường Huỳnh Văn Lũy', ['3290'], { english: 'Tuong Binh Hiep Lacquerware', rep: 'Trần Văn Mài', employees: '10-49' }),
  demo('Công ty TNHH Xúc tiến Thương mại Hàng Việt', 'Hàng Việt Expo', 'COMPANY', { provinceCode: '79', wardCode: '25760' }, '1 đại lộ Bình Dương', ['8230'], { english: 'Hang Viet Expo Co., Ltd', email: 'expo@hangvietexpo.vn', phone: '0274 3899 000', rep: 'Hồ Thị Việt', employees: '10-49' }),
  demo('Chi nhánh Công ty Cổ phần Dừa Xanh Bến Tre tại Trà Vinh', 'Dừa Xanh Trà Vinh', 'BRANCH', VL('29254'), '3 đường Nguyễn Đáng', ['4632'], { rep: 'Lê Hoàng Phúc', employees: '10-49' }),
];

/** A valid synthetic tax code per demo row: prefixes 13 (demo) and 90+ (bulk) keep the sets apart. */
function demoTaxCode(n: number, type: BusinessType, parent?: string): string {
  if (type === 'BRANCH' && parent) return `${parent}-001`;
  return generateTaxCode(n + 1, '13');
}

/** Registers the demo directory (through the domain: each business gets its events). */
export async function seedDemoDirectory(deps: Pick<RegistryDeps, 'businesses' | 'now'>): Promise<number> {
  let created = 0;
  const parentOfBranch = generateTaxCode(3, '13'); // the "Dừa Xanh Bến Tre" row
  for (const [n, entry] of DEMO_BUSINESSES.entries()) {
    const body = { ...entry.body, taxCode: demoTaxCode(n, entry.body.type, parentOfBranch) } as RegisterBusinessBody;
    const { taxCode, profile } = prepareRegistration(body);
    if (await deps.businesses.findByTaxCode(taxCode)) continue;
    const now = deps.now();
    const business = Business.register({ id: deps.businesses.newId(), taxCode, type: body.type, profile, actor: SEED_ACTOR, now });
    if (entry.status !== 'PENDING_REVIEW') business.approve(SEED_ACTOR, now);
    if (entry.status === 'SUSPENDED') business.suspend('Đang kiểm tra nhãn hàng hoá (dữ liệu mẫu)', SEED_ACTOR, now);
    await deps.businesses.add(business);
    created += 1;
  }
  return created;
}

/** Seeds the demo directory into an empty database (a fresh local install shows something to search). */
export async function seedDemoDirectoryIfEmpty(model: BusinessModel, deps: Pick<RegistryDeps, 'businesses' | 'now'>, logger: Logger): Promise<void> {
  if ((await model.estimatedDocumentCount()) > 0) return;
  const created = await seedDemoDirectory(deps);
  logger.info({ created }, 'seeded the demo directory into an empty database');
}

const WORDS_A = ['Kẹo dừa', 'Bánh tráng', 'Hồi', 'Quế', 'Cà phê', 'Mật ong', 'Nước mắm', 'Gốm', 'Mây tre', 'Trà', 'Nem chua', 'Hạt điều', 'Bưởi', 'Thạch dừa', 'Tinh dầu', 'Gạo', 'Tương', 'Nón lá', 'Lụa', 'Chè'];
const WORDS_B = ['Phú Quý', 'Thành Đạt', 'Hưng Thịnh', 'Tân Phát', 'Bình An', 'Đức Tín', 'Minh Khang', 'An Khang', 'Vạn Lợi', 'Hòa Bình', 'Đồng Tâm', 'Sao Việt', 'Quê Hương', 'Miền Tây', 'Xứ Lạng', 'Đất Việt'];
const FORMS: { prefix: string; type: BusinessType }[] = [
  { prefix: 'Công ty TNHH', type: 'COMPANY' },
  { prefix: 'Công ty Cổ phần', type: 'COMPANY' },
  { prefix: 'Hợp tác xã', type: 'COOPERATIVE' },
  { prefix: 'Cơ sở', type: 'HOUSEHOLD' },
];
const BULK_PLACES = ['86', '20', '66', '01', '79', '38', '33'];
const BULK_INDUSTRIES = ['1073', '1079', '0128', '0150', '1075', '3290', '4632', '1104', '1020', '8230'];

/**
 * Inserts `count` synthetic ACTIVE businesses straight into the collection, in batches, without
 * events: benchmark data, not registrations, each with its directory entry. Tax codes use prefixes 90–99.
 */
export async function seedBulkDirectory(model: BusinessModel, count: number, opts: { batchSize?: number; onProgress?: (done: number) => void } = {}): Promise<number> {
  const batchSize = opts.batchSize ?? 2000;
  const directory = new MongoDirectoryEntries(model.db.db!);
  const wardsByProvince = new Map(BULK_PLACES.map((p) => [p, wards(p)]));
  let inserted = 0;
  const now = new Date();
  for (let start = 0; start < count; start += batchSize) {
    const docs: BusinessDocument[] = [];
    for (let i = start; i < Math.min(count, start + batchSize); i += 1) {
      const form = FORMS[i % FORMS.length] as (typeof FORMS)[number];
      const name = `${form.prefix} ${WORDS_A[i % WORDS_A.length]} ${WORDS_B[Math.floor(i / WORDS_A.length) % WORDS_B.length]} ${i + 1}`;
      const provinceCode = BULK_PLACES[i % BULK_PLACES.length] as string;
      const wardList = wardsByProvince.get(provinceCode) ?? [];
      const w = wardList[i % wardList.length];
      const p = province(provinceCode);
      if (!w || !p) continue;
      const code = BULK_INDUSTRIES[i % BULK_INDUSTRIES.length] as string;
      const taxCode = generateTaxCode((i % 999_999) + 1, String(90 + Math.floor(i / 999_999)));
      const industries = [{ edition: '2018' as const, code, name: code, main: true }];
      docs.push({
        _id: `bulk-${String(i + 1).padStart(7, '0')}`,
        taxCode,
        taxCodeClaim: taxCode,
        type: form.type,
        status: 'ACTIVE',
        legalName: name,
        address: { provinceCode, provinceName: p.name, wardCode: w.code, wardName: w.name, street: `Số ${(i % 300) + 1}` },
        industries,
        contact: {},
        preferredLocale: 'vi',
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
    }
    try {
      inserted += (await model.collection.insertMany(docs as never[], { ordered: false })).insertedCount;
    } catch (err) {
      // A re-run over the same range: rows already there are skipped, the rest are inserted.
      const bulk = err as { code?: number; result?: { insertedCount?: number } };
      if (!isDuplicateKey(bulk)) throw err;
      inserted += bulk.result?.insertedCount ?? 0;
    }
    // Entries after their businesses (a re-run inserts only the missing ones), as the repository writes them.
    await directory.insertMissing(docs.map((d) => toState(d as unknown as Record<string, unknown>)));
    opts.onProgress?.(inserted);
  }
  return inserted;
}
