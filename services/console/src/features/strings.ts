// The new pages' texts, Vietnamese first and English, as i18next bundles: each page registers its own
// namespace next to its code (so the shared i18n.ts keeps only the public pages' texts).
import i18next from 'i18next';

type Bundle = { [key: string]: string | Bundle };

export function strings(ns: string, texts: { vi: Bundle; en: Bundle }): string {
  i18next.addResourceBundle('vi', ns, texts.vi, true, true);
  i18next.addResourceBundle('en', ns, texts.en, true, true);
  return ns;
}

strings('features', {
  vi: {
    error: 'Không thực hiện được',
    loading: 'Đang tải…',
    address: { province: 'Tỉnh/thành phố', ward: 'Phường/xã' },
    plan: { legend: 'Chú giải', corner: 'gian góc', yours: 'gian của bạn', tap: 'Chạm hoặc rê chuột vào một gian để xem chi tiết.', block: 'Khóa gian {{code}}', unblock: 'Mở khóa gian {{code}}', print: 'In sơ đồ', png: 'Tải ảnh PNG' },
    save: 'Lưu',
    cancel: 'Hủy',
    state: { AVAILABLE: 'Còn trống', RESERVED: 'Đang giữ chỗ', ALLOCATED: 'Đã phân bổ', BLOCKED: 'Không sử dụng' },
    status: {
      DRAFT: 'Nháp', OPEN: 'Đang nhận hồ sơ', ALLOCATING: 'Đang phân bổ', PUBLISHED: 'Đã công bố', RUNNING: 'Đang diễn ra', CLOSED: 'Đã kết thúc', CANCELLED: 'Đã hủy',
      SUBMITTED: 'Đã nộp', ALLOCATED: 'Đã được phân gian', WAITLISTED: 'Danh sách chờ', OFFERED: 'Được mời nhận gian', CONFIRMED: 'Đã xác nhận', REJECTED: 'Bị từ chối', WITHDRAWN: 'Đã rút',
      NEW: 'Mới', FORWARDED: 'Đã chuyển QLTT', PENDING: 'Đang chờ', DELIVERED: 'Đã gửi', FAILED: 'Lỗi', EXHAUSTED: 'Hết lượt thử',
      active: 'Đang hoạt động', disabled: 'Đã tạm dừng',
    },
  },
  en: {
    error: 'That did not work',
    loading: 'Loading…',
    address: { province: 'Province', ward: 'Ward' },
    plan: { legend: 'Legend', corner: 'corner booth', yours: 'your booth', tap: 'Tap or hover a booth for its details.', block: 'Block booth {{code}}', unblock: 'Unblock booth {{code}}', print: 'Print the plan', png: 'Download PNG' },
    save: 'Save',
    cancel: 'Cancel',
    state: { AVAILABLE: 'Available', RESERVED: 'Reserved', ALLOCATED: 'Allocated', BLOCKED: 'Blocked' },
    status: {
      DRAFT: 'Draft', OPEN: 'Open for applications', ALLOCATING: 'Allocating', PUBLISHED: 'Published', RUNNING: 'Running', CLOSED: 'Closed', CANCELLED: 'Cancelled',
      SUBMITTED: 'Submitted', ALLOCATED: 'Booth allocated', WAITLISTED: 'Waitlisted', OFFERED: 'Offered a booth', CONFIRMED: 'Confirmed', REJECTED: 'Rejected', WITHDRAWN: 'Withdrawn',
      NEW: 'New', FORWARDED: 'Forwarded', PENDING: 'Pending', DELIVERED: 'Delivered', FAILED: 'Failed', EXHAUSTED: 'Exhausted',
      active: 'Active', disabled: 'Disabled',
    },
  },
});
