// Vietnamese first, English by the switch in the header (remembered in localStorage).
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { enTexts, viTexts } from './texts';

const vi = {
  app: { title: 'Hàng Việt', tagline: 'Người Việt Nam ưu tiên dùng hàng Việt Nam', skip: 'Bỏ qua đến nội dung', language: 'Ngôn ngữ', nav: 'Điều hướng chính' },
  nav: { directory: 'Danh bạ', signIn: 'Đăng nhập', signUp: 'Đăng ký', signOut: 'Đăng xuất', my: 'Doanh nghiệp của tôi', inbox: 'Hộp thư', preferences: 'Tùy chọn thông báo', reviews: 'Duyệt hồ sơ', docs: 'Tài liệu API', fairs: 'Hội chợ', products: 'Sản phẩm', applications: 'Hồ sơ OCOP' },
  directory: { heading: 'Danh bạ doanh nghiệp', search: 'Tìm theo tên', province: 'Tỉnh/thành', industry: 'Ngành nghề (VSIC)', type: 'Loại hình', any: 'Tất cả', submit: 'Tìm', none: 'Không tìm thấy doanh nghiệp nào.', more: 'Xem thêm', results: 'Kết quả' },
  type: { COMPANY: 'Công ty', COOPERATIVE: 'Hợp tác xã', HOUSEHOLD: 'Hộ kinh doanh', BRANCH: 'Chi nhánh' },
  status: { PENDING_REVIEW: 'Chờ duyệt', ACTIVE: 'Đang hoạt động', REJECTED: 'Bị từ chối', SUSPENDED: 'Tạm ngừng', DISSOLVED: 'Đã giải thể' },
  business: { taxCode: 'Mã số thuế', address: 'Địa chỉ', industries: 'Ngành nghề', contact: 'Liên hệ', badges: 'Chứng nhận', noBadges: 'Chưa có chứng nhận.', status: 'Trạng thái', notFound: 'Không tìm thấy doanh nghiệp.' },
  signup: { heading: 'Tạo tài khoản doanh nghiệp', email: 'E-mail', password: 'Mật khẩu (ít nhất 10 ký tự)', name: 'Họ và tên', submit: 'Tạo tài khoản', sent: 'Đã gửi thư xác nhận tới {{email}}. Hãy mở liên kết trong thư rồi đăng nhập (nếu địa chỉ này đã có tài khoản, thư hướng dẫn đăng nhập hoặc đặt lại mật khẩu).' },
  signin: { heading: 'Đăng nhập', email: 'E-mail', password: 'Mật khẩu', submit: 'Đăng nhập', forgot: 'Quên mật khẩu?', noAccount: 'Chưa có tài khoản?', start: 'Tiếp tục đăng nhập', errors: { CREDENTIALS_INVALID: 'E-mail hoặc mật khẩu không đúng.', ACCOUNT_LOCKED: 'Đăng nhập sai quá nhiều lần: tài khoản tạm khóa 15 phút.', EMAIL_NOT_VERIFIED: 'Hãy xác nhận e-mail trước (mở liên kết trong thư).' } },
  verify: { heading: 'Xác nhận e-mail', working: 'Đang xác nhận…', done: 'Đã xác nhận e-mail. Bạn có thể đăng nhập.', failed: 'Liên kết không hợp lệ hoặc đã hết hạn.' },
  reset: { heading: 'Đặt lại mật khẩu', email: 'E-mail', request: 'Gửi liên kết', sent: 'Nếu e-mail có tài khoản, chúng tôi đã gửi liên kết đặt lại.', password: 'Mật khẩu mới', submit: 'Đặt mật khẩu', done: 'Đã đặt mật khẩu mới. Hãy đăng nhập.' },
  callback: { working: 'Đang hoàn tất đăng nhập…' },
  register: { heading: 'Đăng ký doanh nghiệp', taxCode: 'Mã số thuế', type: 'Loại hình', legalName: 'Tên doanh nghiệp', tradeName: 'Tên giao dịch', provinceCode: 'Mã tỉnh/thành (2 số)', wardCode: 'Mã phường/xã (5 số)', street: 'Số nhà, đường', industry: 'Ngành nghề chính (VSIC)', email: 'E-mail liên hệ', phone: 'Điện thoại', submit: 'Gửi hồ sơ', hint: { empty: 'Nhập 10 chữ số (hoặc 13 với chi nhánh).', typing: 'Đang nhập…', format: 'Mã số thuế chỉ gồm 10 hoặc 13 chữ số.', checking: 'Đang kiểm tra…', free: 'Mã số thuế hợp lệ, chưa được đăng ký.', taken: 'Mã số thuế này đã được đăng ký.', invalid: 'Mã số thuế không hợp lệ (sai số kiểm tra).' }, errors: { taxCode: 'Kiểm tra lại mã số thuế.', required: 'Bắt buộc.', industry: 'Chọn ngành nghề trong danh sách.' }, done: 'Đã gửi hồ sơ. Trung tâm sẽ xem xét và báo cho bạn.' },
  evidence: {
    label: 'Giấy chứng nhận đăng ký doanh nghiệp',
    hint: 'Bản quét hoặc ảnh chụp: tệp PDF, PNG hoặc JPEG, tối đa {{max}} MB. Trung tâm chỉ duyệt hồ sơ có giấy này.',
    errors: {
      required: 'Hãy đính kèm giấy chứng nhận đăng ký doanh nghiệp.',
      type: 'Chỉ nhận tệp PDF, PNG hoặc JPEG.',
      size: 'Tệp nặng {{size}} MB, quá mức tối đa {{max}} MB.',
      empty: 'Tệp không có nội dung.',
      content: 'Nội dung tệp không phải PDF, PNG hoặc JPEG như tên hay loại tệp cho biết.',
    },
    uploadFailed: 'Chưa tải lên được giấy chứng nhận: {{detail}}',
    createdNoEvidence: 'Hồ sơ đã được tạo nhưng chưa tải lên được giấy chứng nhận: {{detail}} Chọn lại tệp rồi bấm “Tải lên giấy chứng nhận”, hoặc tải lên sau ở trang Doanh nghiệp của tôi.',
    created: 'Hồ sơ đã được tạo. Còn thiếu giấy chứng nhận đăng ký doanh nghiệp.',
    submitUpload: 'Tải lên giấy chứng nhận',
    upload: 'Tải lên',
    replaceLabel: 'Thay bằng tệp khác',
    attached: 'Đã đính kèm giấy chứng nhận.',
    missing: 'Chưa có giấy chứng nhận: Trung tâm chỉ duyệt hồ sơ khi đã có giấy này.',
    uploaded: 'Đã tải lên giấy chứng nhận.',
    checking: 'Đang kiểm tra giấy chứng nhận…',
    unknown: 'Không kiểm tra được giấy chứng nhận.',
    open: 'Xem giấy chứng nhận',
    openNamed: 'Xem giấy chứng nhận của {{name}}',
    download: 'Tải về',
    fileName: 'giay-chung-nhan-dkdn',
    openFailed: 'Không mở được giấy chứng nhận: {{detail}}',
    staffAttached: 'Có giấy chứng nhận đăng ký',
    staffMissing: 'Chưa có giấy chứng nhận đăng ký: chưa duyệt được',
  },
  my: { heading: 'Doanh nghiệp của tôi', none: 'Bạn chưa đăng ký doanh nghiệp.', register: 'Đăng ký doanh nghiệp', review: 'Hồ sơ đang chờ Trung tâm duyệt.', active: 'Doanh nghiệp đã được duyệt và hiển thị trong danh bạ.', rejected: 'Hồ sơ bị từ chối: {{reason}}' },
  inbox: { heading: 'Hộp thư', empty: 'Chưa có thư nào.', markRead: 'Đánh dấu đã đọc', unread: 'Chưa đọc' },
  prefs: { heading: 'Tùy chọn thông báo', email: 'E-mail', sms: 'SMS', zalo: 'Zalo', inbox: 'Hộp thư trên trang', locale: 'Ngôn ngữ thư', save: 'Lưu', saved: 'Đã lưu.' },
  reviews: { heading: 'Hồ sơ chờ duyệt', empty: 'Không có hồ sơ nào chờ duyệt.', approve: 'Duyệt', reject: 'Từ chối', reason: 'Lý do từ chối', approved: 'Đã duyệt {{name}}.', rejected: 'Đã từ chối {{name}}.', filter: 'Lọc theo tỉnh/thành' },
  products: { heading: 'Sản phẩm', name: 'Tên sản phẩm', group: 'Nhóm sản phẩm', register: 'Thêm sản phẩm', apply: 'Đăng ký đánh giá OCOP', applications: 'Hồ sơ chứng nhận', noApplications: 'Chưa có hồ sơ.', certificates: 'Giấy chứng nhận', noCertificates: 'Chưa có giấy chứng nhận.', pdf: 'Tải PDF', qr: 'Mã QR', groups: { FOOD: 'Thực phẩm', BEVERAGE: 'Đồ uống', HERBAL: 'Thảo dược', HANDICRAFT: 'Thủ công mỹ nghệ', ORNAMENTAL: 'Sinh vật cảnh', TOURISM_SERVICE: 'Dịch vụ du lịch' } },
  applicationStatus: { SUBMITTED: 'Đã nộp', COMMUNE_REVIEWED: 'Xã đã xem xét', PROVINCIAL_SCORED: 'Tỉnh đã chấm điểm', NATIONAL_PENDING: 'Chờ Trung ương', DECIDED: 'Đã có quyết định', REJECTED: 'Bị từ chối', WITHDRAWN: 'Đã rút' },
  applications: { heading: 'Hồ sơ OCOP', status: 'Trạng thái', empty: 'Không có hồ sơ.', communeOk: 'Ghi kết quả xem xét của xã', score: 'Chấm điểm', decide: 'Ra quyết định', decisionNumber: 'Số quyết định' },
  score: { caption: 'Phiếu chấm điểm: {{product}}', criterion: 'Tiêu chí', max: 'Tối đa', points: 'điểm', pointsHeader: 'Điểm', total: 'Tổng', noStars: 'chưa đạt hạng sao', scorer: 'Người chấm', submit: 'Lưu phiếu chấm' },
  fairs: { heading: 'Lịch hội chợ', ics: 'Thêm vào lịch (.ics)', none: 'Chưa có hội chợ nào.' },
  common: { loading: 'Đang tải…', error: 'Có lỗi: {{detail}}', signInFirst: 'Hãy đăng nhập để tiếp tục.', notFound: 'Không có trang này.', back: 'Về danh bạ', required: 'bắt buộc' },
};

type Resources = typeof vi;

const en: Resources = {
  app: { title: 'Hàng Việt', tagline: 'Vietnamese people prioritise Vietnamese goods', skip: 'Skip to content', language: 'Language', nav: 'Main navigation' },
  nav: { directory: 'Directory', signIn: 'Sign in', signUp: 'Sign up', signOut: 'Sign out', my: 'My business', inbox: 'Inbox', preferences: 'Notification preferences', reviews: 'Review queue', docs: 'API docs', fairs: 'Fairs', products: 'Products', applications: 'OCOP applications' },
  directory: { heading: 'Business directory', search: 'Search by name', province: 'Province', industry: 'Industry (VSIC)', type: 'Type', any: 'Any', submit: 'Search', none: 'No business found.', more: 'Show more', results: 'Results' },
  type: { COMPANY: 'Company', COOPERATIVE: 'Cooperative', HOUSEHOLD: 'Household business', BRANCH: 'Branch' },
  status: { PENDING_REVIEW: 'Pending review', ACTIVE: 'Active', REJECTED: 'Rejected', SUSPENDED: 'Suspended', DISSOLVED: 'Dissolved' },
  business: { taxCode: 'Tax code', address: 'Address', industries: 'Industries', contact: 'Contact', badges: 'Certifications', noBadges: 'No certification yet.', status: 'Status', notFound: 'Business not found.' },
  signup: { heading: 'Create an enterprise account', email: 'E-mail', password: 'Password (at least 10 characters)', name: 'Full name', submit: 'Create account', sent: 'We sent a confirmation link to {{email}}. Open it, then sign in (if the address already has an account, the mail says how to sign in or reset the password).' },
  signin: { heading: 'Sign in', email: 'E-mail', password: 'Password', submit: 'Sign in', forgot: 'Forgot the password?', noAccount: 'No account yet?', start: 'Continue to sign in', errors: { CREDENTIALS_INVALID: 'Wrong e-mail or password.', ACCOUNT_LOCKED: 'Too many failed attempts: the account is locked for 15 minutes.', EMAIL_NOT_VERIFIED: 'Confirm your e-mail first (open the link we sent).' } },
  verify: { heading: 'Confirm e-mail', working: 'Confirming…', done: 'E-mail confirmed. You can sign in.', failed: 'The link is not valid or has expired.' },
  reset: { heading: 'Reset password', email: 'E-mail', request: 'Send link', sent: 'If the address has an account, we sent a reset link.', password: 'New password', submit: 'Set password', done: 'Password changed. Sign in.' },
  callback: { working: 'Finishing sign-in…' },
  register: { heading: 'Register your business', taxCode: 'Tax code', type: 'Type', legalName: 'Legal name', tradeName: 'Trade name', provinceCode: 'Province code (2 digits)', wardCode: 'Ward code (5 digits)', street: 'Street address', industry: 'Main industry (VSIC)', email: 'Contact e-mail', phone: 'Phone', submit: 'Submit registration', hint: { empty: 'Type 10 digits (13 for a branch).', typing: 'Typing…', format: 'A tax code has 10 or 13 digits only.', checking: 'Checking…', free: 'Valid tax code, not registered yet.', taken: 'This tax code is already registered.', invalid: 'Not a valid tax code (check digit).' }, errors: { taxCode: 'Check the tax code.', required: 'Required.', industry: 'Choose the industry from the list.' }, done: 'Registration sent. The centre will review it and let you know.' },
  evidence: {
    label: 'Business registration certificate',
    hint: 'A scan or photo: a PDF, PNG or JPEG file, at most {{max}} MB. The centre approves a registration only with it.',
    errors: {
      required: 'Attach the business registration certificate.',
      type: 'Only PDF, PNG or JPEG files are accepted.',
      size: 'The file is {{size}} MB, over the {{max}} MB limit.',
      empty: 'The file is empty.',
      content: 'The file’s content is not the PDF, PNG or JPEG its name or type says.',
    },
    uploadFailed: 'The certificate could not be uploaded: {{detail}}',
    createdNoEvidence: 'The registration was created but the certificate could not be uploaded: {{detail}} Choose the file again and press “Upload the certificate”, or upload it later from My business.',
    created: 'The registration was created. The business registration certificate is still missing.',
    submitUpload: 'Upload the certificate',
    upload: 'Upload',
    replaceLabel: 'Replace with another file',
    attached: 'The certificate is attached.',
    missing: 'No certificate yet: the centre approves a registration only once it is attached.',
    uploaded: 'Certificate uploaded.',
    checking: 'Checking the certificate…',
    unknown: 'Could not check the certificate.',
    open: 'View the certificate',
    openNamed: 'View the certificate of {{name}}',
    download: 'Download',
    fileName: 'business-registration-certificate',
    openFailed: 'The certificate could not be opened: {{detail}}',
    staffAttached: 'Registration certificate attached',
    staffMissing: 'No registration certificate: cannot be approved yet',
  },
  my: { heading: 'My business', none: 'You have not registered a business yet.', register: 'Register a business', review: 'Your registration awaits the centre’s review.', active: 'Your business is approved and listed in the directory.', rejected: 'Registration rejected: {{reason}}' },
  inbox: { heading: 'Inbox', empty: 'No messages yet.', markRead: 'Mark as read', unread: 'Unread' },
  prefs: { heading: 'Notification preferences', email: 'E-mail', sms: 'SMS', zalo: 'Zalo', inbox: 'Inbox on the site', locale: 'Message language', save: 'Save', saved: 'Saved.' },
  reviews: { heading: 'Registrations to review', empty: 'Nothing waits for review.', approve: 'Approve', reject: 'Reject', reason: 'Reason for rejection', approved: 'Approved {{name}}.', rejected: 'Rejected {{name}}.', filter: 'Filter by province' },
  products: { heading: 'Products', name: 'Product name', group: 'Product group', register: 'Add product', apply: 'Apply for OCOP', applications: 'Applications', noApplications: 'No application yet.', certificates: 'Certificates', noCertificates: 'No certificate yet.', pdf: 'Download PDF', qr: 'QR code', groups: { FOOD: 'Food', BEVERAGE: 'Beverage', HERBAL: 'Herbal', HANDICRAFT: 'Handicraft', ORNAMENTAL: 'Ornamental', TOURISM_SERVICE: 'Tourism service' } },
  applicationStatus: { SUBMITTED: 'Submitted', COMMUNE_REVIEWED: 'Reviewed by the commune', PROVINCIAL_SCORED: 'Scored by the province', NATIONAL_PENDING: 'Awaiting the central level', DECIDED: 'Decided', REJECTED: 'Rejected', WITHDRAWN: 'Withdrawn' },
  applications: { heading: 'OCOP applications', status: 'Status', empty: 'No application.', communeOk: 'Record the commune review', score: 'Score', decide: 'Decide', decisionNumber: 'Decision number' },
  score: { caption: 'Score sheet: {{product}}', criterion: 'Criterion', max: 'Max', points: 'points', pointsHeader: 'Points', total: 'Total', noStars: 'no star rating', scorer: 'Scorer', submit: 'Save the score sheet' },
  fairs: { heading: 'Fair calendar', ics: 'Add to calendar (.ics)', none: 'No fair yet.' },
  common: { loading: 'Loading…', error: 'Error: {{detail}}', signInFirst: 'Sign in to continue.', notFound: 'No such page.', back: 'Back to the directory', required: 'required' },
};

const saved = typeof localStorage !== 'undefined' ? localStorage.getItem('hangviet.lang') : null;

void i18next.use(initReactI18next).init({
  resources: { vi: { translation: { ...vi, ...viTexts } }, en: { translation: { ...en, ...enTexts } } },
  lng: saved === 'en' ? 'en' : 'vi',
  fallbackLng: 'vi',
  interpolation: { escapeValue: false },
});

export function setLanguage(lng: 'vi' | 'en'): void {
  localStorage.setItem('hangviet.lang', lng);
  document.documentElement.lang = lng;
  void i18next.changeLanguage(lng);
}

export default i18next;
