// Every string of the app in Vietnamese, the default language. `en.ts` has the same keys (the
// type checker refuses a missing one). `{name}` is filled by `t(key, { name })`.
export const vi = {
  'language.switch': 'English',
  'nav.label': 'Các mục',
  'nav.scenarios': 'Kịch bản',
  'nav.areas': 'Địa bàn',
  'nav.plan': 'Kế hoạch',
  'nav.whatIf': 'Thử phương án',
  'nav.staffing': 'Bố trí theo giờ',
  'nav.roster': 'Lịch trực',
  'nav.visits': 'Lịch tổ lưu động',
  'role.ADMIN': 'quản trị',
  'role.PLANNER': 'lập kế hoạch',
  'role.REPORTER': 'báo cáo',
  'signIn.title': 'Đăng nhập',
  'signIn.help':
    'Mở liên kết đăng nhập mà lệnh pnpm start in ra, hoặc dán mã truy cập (token) được cấp cho bạn. Mã được giữ trên thiết bị này.',
  'signIn.token': 'Mã truy cập',
  'signIn.submit': 'Đăng nhập',
  'signIn.again': 'Đăng nhập lại',
  signOut: 'Đăng xuất',
  'state.loading': 'Đang tải…',
  'action.retry': 'Thử lại',
  'action.reload': 'Tải lại trang',
  'problem.offline':
    'Không kết nối được máy chủ Muster. Kiểm tra máy chủ đang chạy (pnpm start) và mạng, rồi thử lại.',
  'problem.unauthenticated':
    'Mã truy cập không còn hiệu lực (đã thu hồi hoặc được cấp lại). Hãy đăng nhập lại.',
  'problem.forbidden': 'Vai trò của bạn không được xem hoặc làm việc này.',
  'problem.server': 'Máy chủ gặp lỗi khi trả lời. Thử lại sau.',
  'problem.refused': 'Máy chủ từ chối:',
  'problem.crashed': 'Trang này gặp lỗi khi hiển thị.',
  'problem.notFound': 'Không có trang này.',
  'home.title': 'Kịch bản',
  'home.none': 'Chưa có kịch bản nào trong phạm vi của bạn.',
  'home.signedOut':
    'Đăng nhập để xem kế hoạch, so sánh kế hoạch với thực tế và thử phương án. Không cần đăng nhập vẫn xem được cây địa bàn.',
  'home.chooseToCompare': 'Chọn {name} để so sánh',
  'home.compare': 'So sánh các kịch bản đã chọn ({count})',
} as const;

export type MessageKey = keyof typeof vi;
