// The one map from the services' stable error codes to what people read, in Vietnamese and English.
// Every form reads it: a field's error is shown at that field (`fieldProblem`), the rest above the form
// (`problemSummary`). A code the map does not know falls back to the service's own English message, never
// to a bare "invalid fields".
import { ApiError } from './api';

export type Lang = 'vi' | 'en';
type Text = Record<Lang, string>;

export const PROBLEM_MESSAGES: Record<string, Text> = {
  VALIDATION_FAILED: { vi: 'Một số thông tin chưa hợp lệ: xem các ô được đánh dấu.', en: 'Some fields are not valid: see the marked fields.' },
  REQUIRED: { vi: 'Bắt buộc.', en: 'Required.' },
  TOO_LONG: { vi: 'Quá dài.', en: 'Too long.' },
  TOO_SHORT: { vi: 'Quá ngắn.', en: 'Too short.' },
  INVALID_FORMAT: { vi: 'Sai định dạng.', en: 'Wrong format.' },
  FORMAT: { vi: 'Sai định dạng.', en: 'Wrong format.' },
  INVALID_VALUE: { vi: 'Giá trị không hợp lệ.', en: 'Not a valid value.' },
  INVALID_TYPE: { vi: 'Giá trị không hợp lệ.', en: 'Not a valid value.' },
  INVALID_DATE: { vi: 'Ngày không hợp lệ.', en: 'Not a valid date.' },
  OUT_OF_RANGE: { vi: 'Ngoài khoảng cho phép.', en: 'Out of the allowed range.' },
  NOT_PAST: { vi: 'Ngày không được ở tương lai.', en: 'The date must not be in the future.' },
  DATE_IN_PAST: { vi: 'Ngày phải ở tương lai.', en: 'The date must be in the future.' },
  DATE_TOO_OLD: { vi: 'Ngày quá xa trong quá khứ.', en: 'The date is too far in the past.' },
  TAX_CODE_FORMAT: { vi: 'Mã số thuế gồm 10 chữ số (chi nhánh: 10 số, dấu “-” và 3 số).', en: 'A tax code has 10 digits (a branch: 10 digits, “-” and 3 digits).' },
  TAX_CODE_CHECK_DIGIT: { vi: 'Mã số thuế không hợp lệ (sai số kiểm tra).', en: 'Not a valid tax code (check digit).' },
  TAX_CODE_ZERO_SEQUENCE: { vi: 'Mã số thuế không hợp lệ.', en: 'Not a valid tax code.' },
  TAX_CODE_ZERO_SUFFIX: { vi: 'Số đuôi chi nhánh phải từ 001 đến 999.', en: 'A branch suffix is 001 to 999.' },
  TAX_CODE_TYPE_MISMATCH: { vi: 'Mã số thuế không khớp với loại hình đã chọn.', en: 'The tax code does not match the chosen type.' },
  DUPLICATE_TAX_CODE: { vi: 'Mã số thuế này đã được đăng ký.', en: 'This tax code is already registered.' },
  TAKEN: { vi: 'Đã có người dùng.', en: 'Already taken.' },
  ALREADY_OWNS_BUSINESS: { vi: 'Tài khoản này đã đăng ký một doanh nghiệp.', en: 'This account already registered a business.' },
  PROVINCE_NOT_FOUND: { vi: 'Không có tỉnh/thành này (đơn vị hành chính từ 1/7/2025).', en: 'No such province (units since 1 July 2025).' },
  WARD_NOT_IN_PROVINCE: { vi: 'Phường/xã không thuộc tỉnh/thành đã chọn.', en: 'The ward is not in the chosen province.' },
  INDUSTRY_NOT_FOUND: { vi: 'Không có ngành này trong VSIC.', en: 'No such VSIC industry.' },
  MAIN_INDUSTRY_COUNT: { vi: 'Chọn đúng một ngành chính.', en: 'Choose exactly one main industry.' },
  DUPLICATE_INDUSTRY: { vi: 'Ngành bị lặp.', en: 'The industry is listed twice.' },
  ONE_ADDRESS_ONLY: { vi: 'Chỉ nhập địa chỉ mới hoặc địa chỉ cũ, không nhập cả hai.', en: 'Give the new or the old address, not both.' },
  LEGACY_ADDRESS_INCOMPLETE: { vi: 'Địa chỉ cũ cần tỉnh và phường/xã.', en: 'An old address needs the province and the ward.' },
  LEGACY_PROVINCE_NOT_FOUND: { vi: 'Không tìm thấy tỉnh cũ này.', en: 'No such former province.' },
  LEGACY_WARD_NOT_FOUND: { vi: 'Không tìm thấy phường/xã cũ này.', en: 'No such former ward.' },
  LEGACY_WARD_AMBIGUOUS: { vi: 'Có nhiều phường/xã cũ cùng tên: hãy nhập cả quận/huyện.', en: 'Several former wards have this name: give the district too.' },
  LEGACY_WARD_SPLIT: { vi: 'Phường/xã cũ đã được chia cho nhiều đơn vị mới: hãy chọn phường/xã mới.', en: 'The former ward was divided: choose the new ward.' },
  EMAIL_INVALID: { vi: 'E-mail không hợp lệ.', en: 'Not a valid e-mail address.' },
  EMAIL_TAKEN: { vi: 'E-mail này đã có tài khoản.', en: 'This e-mail already has an account.' },
  PASSWORD_TOO_SHORT: { vi: 'Mật khẩu cần ít nhất 10 ký tự.', en: 'The password needs at least 10 characters.' },
  PASSWORD_TOO_LONG: { vi: 'Mật khẩu quá dài (tối đa 256 ký tự).', en: 'The password is too long (at most 256 characters).' },
  PASSWORD_IS_EMAIL: { vi: 'Mật khẩu không được trùng với e-mail.', en: 'The password must not be the e-mail address.' },
  BUSINESS_NOT_ACTIVE: {
    vi: 'Doanh nghiệp chưa được Trung tâm duyệt (hoặc đang tạm ngừng): chưa thể thêm sản phẩm hay nộp hồ sơ.',
    en: 'The business is not approved by the centre (or is suspended): it cannot add products or apply yet.',
  },
  BUSINESS_NOT_FOUND: { vi: 'Không tìm thấy doanh nghiệp.', en: 'Business not found.' },
  PRODUCT_NOT_FOUND: { vi: 'Không tìm thấy sản phẩm.', en: 'Product not found.' },
  PRODUCT_WITHDRAWN: { vi: 'Sản phẩm đã ngừng đăng ký.', en: 'The product was withdrawn.' },
  APPLICATION_NOT_FOUND: { vi: 'Không tìm thấy hồ sơ.', en: 'Application not found.' },
  CERTIFICATE_NOT_FOUND: { vi: 'Không có giấy chứng nhận với số này.', en: 'No certificate has this number.' },
  CERTIFICATE_NUMBER_INVALID: { vi: 'Số giấy chứng nhận không đúng dạng (ví dụ OCOP-2026-000123-4).', en: 'Not a certificate number (e.g. OCOP-2026-000123-4).' },
  DECISION_NUMBER_FORMAT: { vi: 'Số quyết định có dạng 5445/QĐ-UBND.', en: 'A decision number looks like 5445/QĐ-UBND.' },
  ILLEGAL_STATUS_TRANSITION: { vi: 'Hồ sơ đã chuyển sang bước khác: tải lại trang.', en: 'The record has moved on: reload the page.' },
  CONCURRENT_UPDATE: { vi: 'Người khác vừa cập nhật hồ sơ này: tải lại trang rồi thử lại.', en: 'Someone else just changed this record: reload and try again.' },
  EVIDENCE_MISSING: { vi: 'Chưa có giấy chứng nhận đăng ký doanh nghiệp: chưa duyệt được.', en: 'No business registration certificate yet: cannot approve.' },
  INVALID_POINTS: { vi: 'Điểm không hợp lệ.', en: 'Not valid points.' },
  ABOVE_MAXIMUM: { vi: 'Vượt quá điểm tối đa.', en: 'Above the maximum.' },
  PART_ABOVE_MAXIMUM: { vi: 'Tổng phần vượt quá điểm tối đa.', en: 'The part total is above its maximum.' },
  CRITERION_MISSING: { vi: 'Còn tiêu chí chưa chấm.', en: 'A criterion is not scored.' },
  NOT_OWNER: { vi: 'Bạn không có quyền với hồ sơ này.', en: 'You may not act on this record.' },
  UNAUTHENTICATED: { vi: 'Phiên đăng nhập đã hết: hãy đăng nhập lại.', en: 'Your session has ended: sign in again.' },
  FORBIDDEN: { vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You may not do this.' },
  ROLE_REQUIRED: { vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You may not do this.' },
  RATE_LIMITED: { vi: 'Quá nhiều yêu cầu: thử lại sau ít phút.', en: 'Too many requests: try again in a few minutes.' },
  PAYLOAD_TOO_LARGE: { vi: 'Tệp hoặc dữ liệu quá lớn.', en: 'The file or data is too large.' },
  UPSTREAM_UNAVAILABLE: { vi: 'Hệ thống đang bận: thử lại sau ít phút.', en: 'The service is not reachable: try again shortly.' },
  UPSTREAM_TIMEOUT: { vi: 'Hệ thống phản hồi chậm: thử lại sau ít phút.', en: 'The service did not answer in time: try again shortly.' },
  IDEMPOTENCY_IN_FLIGHT: { vi: 'Yêu cầu đang được xử lý.', en: 'The request is being processed.' },
  NETWORK: { vi: 'Không kết nối được máy chủ: kiểm tra mạng rồi thử lại.', en: 'Could not reach the server: check the connection and try again.' },
};

export const messageOf = (code: string, lang: Lang): string | undefined => PROBLEM_MESSAGES[code]?.[lang];

/**
 * A generic code that says more for one field: the services check some formats at the edge (their OpenAPI
 * patterns), answering INVALID_FORMAT where the domain would name the rule.
 */
const FIELD_CODES: Record<string, string> = {
  'decisionNumber:INVALID_FORMAT': 'DECISION_NUMBER_FORMAT',
};
const fieldMessageOf = (field: string, code: string, lang: Lang) => messageOf(FIELD_CODES[`${field}:${code}`] ?? code, lang);

const matches = (errorField: string, field: string) => errorField === field || errorField.startsWith(`${field}.`) || errorField.startsWith(`${field}[`);

/** The message for one field of a failed call: the mapped text of its code, else the service's own message. */
export function fieldProblem(error: unknown, field: string, lang: Lang): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const found = error.problem.errors?.find((e) => matches(e.field, field));
  if (found) return fieldMessageOf(found.field, found.code, lang) ?? found.message;
  return undefined;
}

/**
 * What to show above the form: the call's own code in words, and the field errors that no field shows
 * (`shownFields` lists the fields the form displays itself).
 */
export function problemSummary(error: unknown, lang: Lang, shownFields: readonly string[] = []): string[] {
  if (!error) return [];
  if (!(error instanceof ApiError)) {
    const text = String((error as Error)?.message ?? error);
    return [error instanceof TypeError ? (messageOf('NETWORK', lang) ?? text) : text];
  }
  const { code, detail, errors = [] } = error.problem;
  const lines = [messageOf(code, lang) ?? detail];
  for (const e of errors) {
    if (shownFields.some((f) => matches(e.field, f))) continue;
    lines.push(`${e.field}: ${fieldMessageOf(e.field, e.code, lang) ?? e.message}`);
  }
  return lines;
}
