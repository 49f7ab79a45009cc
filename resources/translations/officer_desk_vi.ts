<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <location filename="../../officer_desk/ui/app.py" line="142" />
        <source>Opening the database…</source>
        <translation>Đang mở cơ sở dữ liệu…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/app.py" line="120" />
        <source>Updating the database for this version of Officer Desk (once; a large desk can take several minutes)…</source>
        <translation>Đang cập nhật cơ sở dữ liệu cho phiên bản Officer Desk này (chỉ một lần; quầy có nhiều hồ sơ có thể mất vài phút)…</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <location filename="../../officer_desk/ui/assign_dialog.py" line="47" />
        <source>Assign {code}</source>
        <translation>Giao hồ sơ {code}</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/assign_dialog.py" line="50" />
        <source>&amp;Find an officer:</source>
        <translation>&amp;Tìm cán bộ:</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/assign_dialog.py" line="55" />
        <source>Name or user name</source>
        <translation>Họ tên hoặc tên đăng nhập</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/assign_dialog.py" line="62" />
        <source>Loading officers…</source>
        <translation>Đang tải danh sách cán bộ…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/assign_dialog.py" line="71" />
        <source>Reason (required)</source>
        <translation>Lý do (bắt buộc)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/assign_dialog.py" line="73" />
        <source>{code} is assigned to {holder}. &amp;Why is it taken over?</source>
        <translation>Hồ sơ {code} đang giao cho {holder}. &amp;Vì sao giao lại?</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/assign_dialog.py" line="90" />
        <source>Assign</source>
        <translation>Giao</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/assign_dialog.py" line="114" />
        <source>No other active officer.</source>
        <translation>Không có cán bộ nào khác đang hoạt động.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/assign_dialog.py" line="119" />
        <source>The list of officers could not be loaded.</source>
        <translation>Không tải được danh sách cán bộ.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/assign_dialog.py" line="177" />
        <source>Choose the officer to assign the case to.</source>
        <translation>Chọn cán bộ để giao hồ sơ.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/assign_dialog.py" line="180" />
        <source>{holder} holds this case: write why it is taken over.</source>
        <translation>Hồ sơ đang giao cho {holder}: cần ghi lý do giao lại.</translation>
    </message>
</context>
<context>
    <name>AssistantPanel</name>
    <message>
        <source>The papers to bring, processing time and fee, on paper</source>
        <translation>Các giấy tờ cần mang, thời hạn giải quyết và lệ phí, in ra giấy</translation>
    </message>
    <message>
        <source>Print the checklist for the citizen</source>
        <translation>In phiếu hướng dẫn cho công dân</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/assistant_panel.py" line="61" />
        <source>Procedure assistant</source>
        <translation>Trợ lý thủ tục</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/assistant_panel.py" line="75" />
        <source>Citizen's question…</source>
        <translation>Câu hỏi của công dân…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/assistant_panel.py" line="76" />
        <source>For example: what is needed to register a birth</source>
        <translation>Ví dụ: làm giấy khai sinh cần gì</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/assistant_panel.py" line="95" />
        <source>New dossier for this procedure</source>
        <translation>Nhập hồ sơ mới cho thủ tục này</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/assistant_panel.py" line="125" />
        <source>Searching…</source>
        <translation>Đang tìm…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/assistant_panel.py" line="155" />
        <source>Type the citizen's question, with or without diacritics.</source>
        <translation>Gõ câu hỏi của công dân, có dấu hoặc không dấu.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/assistant_panel.py" line="157" />
        <source>No matching procedure found.</source>
        <translation>Không tìm thấy thủ tục phù hợp.</translation>
    </message>
    <message>
        <source>Not in this desk's catalogue — ask at the counter.</source>
        <translation>Thủ tục không có trong danh mục của quầy — hãy hỏi cán bộ tại quầy.</translation>
    </message>
    <message>
        <source>Key condition</source>
        <translation>Điều kiện cần biết</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/assistant_panel.py" line="159" />
        <source>{count} matching procedure(s), best first.</source>
        <translation>{count} thủ tục phù hợp, phù hợp nhất trước.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/assistant_panel.py" line="174" />
        <source>Code</source>
        <translation>Mã thủ tục</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/assistant_panel.py" line="174" />
        <source>Processing time</source>
        <translation>Thời hạn giải quyết</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/assistant_panel.py" line="174" />
        <source>Fee</source>
        <translation>Lệ phí</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/assistant_panel.py" line="175" />
        <source>Required documents</source>
        <translation>Thành phần hồ sơ</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/assistant_panel.py" line="175" />
        <source>Matched passage</source>
        <translation>Đoạn khớp</translation>
    </message>
</context>
<context>
    <name>AttachmentPreview</name>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="87" />
        <source>Select a document to preview its scan.</source>
        <translation>Chọn một giấy tờ để xem bản quét.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="99" />
        <source>This file cannot be previewed ({type}).</source>
        <translation>Không xem trước được tệp này ({type}).</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="140" />
        <source>The PDF cannot be opened (damaged or protected).</source>
        <translation>Không mở được tệp PDF (bị hỏng hoặc có mật khẩu).</translation>
    </message>
</context>
<context>
    <name>CaseActionsController</name>
    <message>
        <source>What did you check, and why is the hint wrong (e.g. “original ID card seen at the counter”)? Your name and the reason are kept with the case.</source>
        <translation>Anh/chị đã đối chiếu gì, vì sao gợi ý này sai (ví dụ: “đã xem thẻ căn cước bản chính tại quầy”)? Tên anh/chị và lý do được lưu cùng hồ sơ.</translation>
    </message>
    <message>
        <source>The hint is wrong</source>
        <translation>Gợi ý không đúng</translation>
    </message>
    <message>
        <source>Cannot accept</source>
        <translation>Không thể tiếp nhận</translation>
    </message>
    <message>
        <source>This dossier still has {open} error hints not yet decided. For each one, confirm the defect (then request a supplement with F3) or mark the hint as wrong, with a reason.</source>
        <translation>Hồ sơ còn {open} lỗi chưa quyết định. Với từng lỗi: xác nhận lỗi (rồi yêu cầu bổ sung bằng F3) hoặc đánh dấu gợi ý sai, kèm lý do.</translation>
    </message>
    <message>
        <source>This dossier has {confirmed} confirmed defects and {open} error hints not yet decided. A dossier with a confirmed defect cannot be accepted: request a supplement (F3) or refuse it (F4).</source>
        <translation>Hồ sơ có {confirmed} lỗi đã xác nhận và {open} lỗi chưa quyết định. Hồ sơ có lỗi đã xác nhận thì không thể tiếp nhận: hãy yêu cầu bổ sung (F3) hoặc từ chối (F4).</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/case_actions.py" line="46" />
        <source>Cannot accept yet</source>
        <translation>Chưa thể tiếp nhận</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/case_actions.py" line="196" />
        <source>Dismiss hint</source>
        <translation>Bỏ qua gợi ý</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/case_actions.py" line="193" />
        <source>Hint updated</source>
        <translation>Đã cập nhật gợi ý</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/case_actions.py" line="128" />
        <source>Refuse {code}</source>
        <translation>Từ chối hồ sơ {code}</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/case_actions.py" line="154" />
        <source>Take over {code}</source>
        <translation>Nhận lại hồ sơ {code}</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/case_actions.py" line="47" />
        <source>This dossier still has {count} open error hints. Request a supplement (F3), or dismiss the hints that do not apply (with a reason) before accepting.</source>
        <translation>Hồ sơ còn {count} gợi ý lỗi chưa xử lý. Hãy yêu cầu bổ sung (F3), hoặc bỏ qua (kèm lý do) các gợi ý không đúng trước khi tiếp nhận.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/case_actions.py" line="138" />
        <source>Why does the applicant withdraw the dossier?</source>
        <translation>Vì sao người nộp rút hồ sơ?</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/case_actions.py" line="196" />
        <source>Why does this hint not apply? Your name and the reason are kept with the case.</source>
        <translation>Vì sao gợi ý này không đúng? Tên anh/chị và lý do được lưu cùng hồ sơ.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/case_actions.py" line="129" />
        <source>Why is the dossier refused? The reason is printed on the refusal notice.</source>
        <translation>Vì sao từ chối hồ sơ? Lý do được in trên phiếu từ chối.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/case_actions.py" line="137" />
        <source>Withdraw {code}</source>
        <translation>Rút hồ sơ {code}</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/case_actions.py" line="59" />
        <source>receipt</source>
        <translation>giấy tiếp nhận</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/case_actions.py" line="155" />
        <source>{code} is assigned to {holder}. Why do you take it over?</source>
        <translation>Hồ sơ {code} đang giao cho {holder}. Vì sao anh/chị nhận lại?</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/case_actions.py" line="57" />
        <source>{code}: accepted</source>
        <translation>{code}: đã tiếp nhận</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/case_actions.py" line="151" />
        <source>{code}: assigned to you</source>
        <translation>{code}: đã giao cho anh/chị</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/case_actions.py" line="176" />
        <source>{code}: assigned to {officer}</source>
        <translation>{code}: đã giao cho {officer}</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/case_actions.py" line="187" />
        <source>{code}: released</source>
        <translation>{code}: đã trả lại phân công</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/case_actions.py" line="206" />
        <source>{code}: screened again</source>
        <translation>{code}: đã kiểm tra lại</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/case_actions.py" line="109" />
        <source>{code}: {action} — done</source>
        <translation>{code}: {action} — đã xong</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/case_actions.py" line="37" />
        <source>{code}: {action} — now “{status}”</source>
        <translation>{code}: {action} — trạng thái mới “{status}”</translation>
    </message>
    <message>
        <source>{code}: already accepted; the receipt was issued before (Ctrl+P prints it again)</source>
        <translation>{code}: đã tiếp nhận; giấy tiếp nhận đã được lập trước đó (Ctrl+P để in lại)</translation>
    </message>
    <message>
        <source>{code}: supplement requested</source>
        <translation>{code}: đã yêu cầu bổ sung</translation>
    </message>
</context>
<context>
    <name>CaseQueueModel</name>
    <message>
        <location filename="../../officer_desk/ui/queue_model.py" line="58" />
        <source>Dossier code</source>
        <translation>Mã hồ sơ</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/queue_model.py" line="59" />
        <source>Applicant</source>
        <translation>Người nộp</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/queue_model.py" line="60" />
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/queue_model.py" line="61" />
        <source>Channel</source>
        <translation>Kênh nộp</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/queue_model.py" line="62" />
        <source>Received</source>
        <translation>Ngày nhận</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/queue_model.py" line="63" />
        <source>Due</source>
        <translation>Hẹn trả</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/queue_model.py" line="64" />
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/queue_model.py" line="65" />
        <source>Officer</source>
        <translation>Cán bộ</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/queue_model.py" line="66" />
        <source>Hints</source>
        <translation>Gợi ý</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/queue_model.py" line="369" />
        <source>Click to sort by this column</source>
        <translation>Bấm để sắp xếp theo cột này</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/queue_model.py" line="441" />
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/queue_model.py" line="443" />
        <source>Due within one working day</source>
        <translation>Đến hạn trong một ngày làm việc</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/queue_model.py" line="445" />
        <source>{count} open hints; worst: {severity}</source>
        <translation>{count} gợi ý chưa xử lý; mức cao nhất: {severity}</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <source>Scan from scanner</source>
        <translation>Quét từ máy quét</translation>
    </message>
    <message>
        <source>Scan a page on the scanner connected to this computer and attach it to the case (it is read and stored encrypted).</source>
        <translation>Quét một trang trên máy quét nối với máy tính này và đính kèm vào hồ sơ (máy đọc và lưu mã hóa).</translation>
    </message>
    <message>
        <source>Issued documents</source>
        <translation>Phiếu đã lập</translation>
    </message>
    <message>
        <source>Double-click or press Enter to check the values read from a document; drop a photo or scan here to attach it.</source>
        <translation>Nhấp đúp hoặc nhấn Enter để kiểm tra các giá trị đọc được từ giấy tờ; thả ảnh chụp hoặc bản quét vào đây để đính kèm.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="184" />
        <source>Applicant &amp;&amp; declaration</source>
        <translation>Người nộp &amp;&amp; tờ khai</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="192" />
        <source>Document</source>
        <translation>Giấy tờ</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="192" />
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="192" />
        <source>Qty</source>
        <translation>SL</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="192" />
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="200" />
        <location filename="../../officer_desk/ui/case_view.py" line="242" />
        <source>Documents</source>
        <translation>Giấy tờ</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="206" />
        <source>Time</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="206" />
        <source>Officer</source>
        <translation>Cán bộ</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="206" />
        <source>Event</source>
        <translation>Sự kiện</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="206" />
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="207" />
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="209" />
        <source>Timeline</source>
        <translation>Tiến trình</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="238" />
        <source>Select a document to preview its scan.</source>
        <translation>Chọn một giấy tờ để xem bản quét.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="240" />
        <source>&lt;span style='color:#757575'&gt;No case selected. Choose a case in the queue (arrow keys, Enter) or scan a dossier code.&lt;/span&gt;</source>
        <translation>&lt;span style='color:#757575'&gt;Chưa chọn hồ sơ. Chọn một hồ sơ trong danh sách (phím mũi tên, Enter) hoặc quét mã hồ sơ.&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="255" />
        <source>Received {received} · due {due} · {channel} · officer: {officer}</source>
        <translation>Nhận {received} · hẹn trả {due} · {channel} · cán bộ: {officer}</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="257" />
        <source>unassigned</source>
        <translation>chưa phân công</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="261" />
        <source>fee {fee} VND</source>
        <translation>lệ phí {fee} đồng</translation>
    </message>
    <message>
        <source>fee: {basis}</source>
        <translation>lệ phí: {basis}</translation>
    </message>
    <message>
        <source>Procedure information awaiting confirmation: {note}</source>
        <translation>Thông tin thủ tục đang chờ xác nhận: {note}</translation>
    </message>
    <message>
        <source>check the current legal text</source>
        <translation>kiểm tra văn bản pháp luật hiện hành</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="263" />
        <source>receipt issued {at}</source>
        <translation>đã cấp giấy tiếp nhận {at}</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="287" />
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="288" />
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="289" />
        <source>Sex</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="290" />
        <source>ID type</source>
        <translation>Loại giấy tờ</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="291" />
        <source>ID number</source>
        <translation>Số định danh</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="292" />
        <source>ID valid until</source>
        <translation>Có giá trị đến</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="293" />
        <source>Birth registered in</source>
        <translation>Nơi đăng ký khai sinh</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="294" />
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="295" />
        <source>Email</source>
        <translation>Thư điện tử</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="296" />
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="298" />
        <source>Applicant</source>
        <translation>Người nộp</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="298" />
        <source>Co-applicant</source>
        <translation>Người cùng nộp</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="310" />
        <source>Declaration</source>
        <translation>Tờ khai</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="329" />
        <source>Citizen ID card</source>
        <translation>Thẻ căn cước</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="330" />
        <source>Old ID card (CMND)</source>
        <translation>Chứng minh nhân dân (cũ)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="331" />
        <source>Passport</source>
        <translation>Hộ chiếu</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="345" />
        <source>(shown)</source>
        <translation>(xuất trình)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="357" />
        <source>Documents ({count})</source>
        <translation>Giấy tờ ({count})</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="379" />
        <source>Shown at the counter; no scan is kept.</source>
        <translation>Xuất trình tại quầy; không lưu bản quét.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="381" />
        <source>No scan attached for this document.</source>
        <translation>Giấy tờ này chưa có bản quét.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="383" />
        <source>Loading…</source>
        <translation>Đang tải…</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <location filename="../../officer_desk/ui/controllers/base.py" line="33" />
        <source>Select a case first.</source>
        <translation>Hãy chọn hồ sơ trước.</translation>
    </message>
</context>
<context>
    <name>DeskStatus</name>
    <message>
        <location filename="../../officer_desk/ui/panels/status_bar.py" line="52" />
        <source>Database: local file</source>
        <translation>CSDL: tệp trên máy</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/panels/status_bar.py" line="54" />
        <source>Database: server</source>
        <translation>CSDL: máy chủ</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/panels/status_bar.py" line="49" />
        <source>Officer: {name}</source>
        <translation>Cán bộ: {name}</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/panels/status_bar.py" line="79" />
        <source>Outbox: {count} pending</source>
        <translation>Chờ đồng bộ: {count}</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/panels/status_bar.py" line="94" />
        <source>PC clock</source>
        <translation>Giờ máy tính</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/panels/status_bar.py" line="92" />
        <source>The PC clock looks right.</source>
        <translation>Giờ máy tính có vẻ đúng.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/panels/status_bar.py" line="95" />
        <source>The newest stored event ({newest}) is later than this PC's clock ({now}). Check the system time. Confirm only if the clock is right.</source>
        <translation>Sự kiện mới nhất đã lưu ({newest}) muộn hơn giờ của máy tính này ({now}). Hãy kiểm tra giờ hệ thống. Chỉ xác nhận khi giờ máy tính là đúng.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/panels/status_bar.py" line="75" />
        <source>● Database error</source>
        <translation>● Lỗi cơ sở dữ liệu</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/panels/status_bar.py" line="77" />
        <source>● Offline</source>
        <translation>● Mất kết nối</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/panels/status_bar.py" line="75" />
        <source>● Offline-capable (local)</source>
        <translation>● Làm việc ngoại tuyến (cục bộ)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/panels/status_bar.py" line="77" />
        <source>● Online</source>
        <translation>● Trực tuyến</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/panels/status_bar.py" line="82" />
        <source>⚠ PC clock is behind the data ({newest}) — confirm…</source>
        <translation>⚠ Giờ máy tính chậm hơn dữ liệu ({newest}) — xác nhận…</translation>
    </message>
</context>
<context>
    <name>DocumentsController</name>
    <message>
        <source>no printer is set up on this computer (Settings › Printer)</source>
        <translation>máy tính này chưa cài máy in (Cài đặt › Máy in)</translation>
    </message>
    <message>
        <source>{code}: apology issued, new appointment {date}</source>
        <translation>{code}: đã lập phiếu xin lỗi, hẹn lại ngày {date}</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/documents.py" line="37" />
        <source>No printer is set up: the signed {what} is kept with the case (Ctrl+P prints or saves it).</source>
        <translation>Chưa cài máy in: {what} đã ký được lưu cùng hồ sơ (Ctrl+P để in hoặc lưu).</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/documents.py" line="46" />
        <source>Not printed</source>
        <translation>Chưa in được</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/documents.py" line="62" />
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/documents.py" line="62" />
        <source>Save PDF</source>
        <translation>Lưu tệp PDF</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/documents.py" line="66" />
        <source>Saved {file}</source>
        <translation>Đã lưu {file}</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/documents.py" line="47" />
        <source>The {what} is signed and kept with the case, but it was not printed: {reason}</source>
        <translation>Đã ký và lưu {what} cùng hồ sơ, nhưng chưa in được: {reason}</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/documents.py" line="43" />
        <source>The {what} was sent to the printer {printer}.</source>
        <translation>Đã gửi {what} đến máy in {printer}.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/documents.py" line="22" />
        <source>This case has no receipt yet.</source>
        <translation>Hồ sơ này chưa có giấy tiếp nhận.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/documents.py" line="27" />
        <source>receipt</source>
        <translation>giấy tiếp nhận</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>the desk's Settings</source>
        <translation>phần Cài đặt của quầy</translation>
    </message>
    <message>
        <source>“File › Generate demo data”</source>
        <translation>“Tệp › Tạo dữ liệu mẫu”</translation>
    </message>
    <message>
        <source>“Tools › Verify a signed document” (trusted roots)</source>
        <translation>“Công cụ › Kiểm tra văn bản đã ký” (chứng thư gốc tin cậy)</translation>
    </message>
    <message>
        <source>“Settings › Signing &amp; printing”</source>
        <translation>“Cài đặt › Ký số và in”</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dialogs.py" line="36" />
        <source>The file could not be read or written: {reason}</source>
        <translation>Không đọc hoặc ghi được tệp: {reason}</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dialogs.py" line="40" />
        <source>Something went wrong and the operation was not completed. Nothing was saved half-way; you can try again. If it keeps happening, send the details below to your IT support.</source>
        <translation>Đã có lỗi và thao tác chưa được thực hiện. Không có dữ liệu nào bị ghi dở; anh/chị có thể thử lại. Nếu lỗi lặp lại, hãy gửi phần chi tiết bên dưới cho bộ phận hỗ trợ CNTT.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dialogs.py" line="55" />
        <source>Officer Desk</source>
        <translation>Bàn làm việc một cửa</translation>
    </message>
</context>
<context>
    <name>HintCard</name>
    <message>
        <source>Undo decision</source>
        <translation>Hủy quyết định</translation>
    </message>
    <message>
        <source>You checked the original and the hint is wrong: it no longer blocks acceptance (a reason is required)</source>
        <translation>Anh/chị đã đối chiếu bản chính và gợi ý này sai: gợi ý không còn chặn việc tiếp nhận (cần ghi lý do)</translation>
    </message>
    <message>
        <source>Hint is wrong…</source>
        <translation>Gợi ý sai…</translation>
    </message>
    <message>
        <source>The dossier really has this defect: it is listed in the supplement request or the refusal, and the dossier cannot be accepted</source>
        <translation>Hồ sơ thật sự có lỗi này: lỗi được ghi vào phiếu yêu cầu bổ sung hoặc phiếu từ chối, và hồ sơ không thể được tiếp nhận</translation>
    </message>
    <message>
        <source>Confirm defect</source>
        <translation>Xác nhận lỗi</translation>
    </message>
    <message>
        <source>Confirmed by {officer} on {at}: listed in the supplement request</source>
        <translation>Đã xác nhận bởi {officer} lúc {at}: sẽ ghi vào phiếu yêu cầu bổ sung</translation>
    </message>
    <message>
        <source>Defect confirmed by {officer} on {at}: it goes into the supplement request or the refusal; the dossier cannot be accepted</source>
        <translation>Lỗi đã được {officer} xác nhận lúc {at}: sẽ ghi vào phiếu yêu cầu bổ sung hoặc phiếu từ chối; không thể tiếp nhận hồ sơ</translation>
    </message>
    <message>
        <source>Hint overridden (checked: the hint is wrong) by {officer} on {at}: {reason}</source>
        <translation>Đã bác bỏ gợi ý (đã đối chiếu: gợi ý sai) — {officer} lúc {at}: {reason}</translation>
    </message>
    <message>
        <source>Support code: {code}</source>
        <translation>Mã hỗ trợ kỹ thuật: {code}</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/hints_panel.py" line="75" />
        <source>&lt;i&gt;Evidence:&lt;/i&gt; {text}</source>
        <translation>&lt;i&gt;Căn cứ:&lt;/i&gt; {text}</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/hints_panel.py" line="80" />
        <source>&lt;i&gt;Suggested action:&lt;/i&gt; {text}</source>
        <translation>&lt;i&gt;Đề xuất:&lt;/i&gt; {text}</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/hints_panel.py" line="86" />
        <source>Dismissed by {officer} on {at}: {reason}</source>
        <translation>Đã bỏ qua bởi {officer} lúc {at}: {reason}</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/hints_panel.py" line="88" />
        <source>Accepted by {officer} on {at}</source>
        <translation>Đã xác nhận bởi {officer} lúc {at}</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/hints_panel.py" line="99" />
        <source>Accept</source>
        <translation>Xác nhận</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/hints_panel.py" line="100" />
        <source>Agree with this hint (it will be listed when requesting a supplement)</source>
        <translation>Đồng ý với gợi ý này (sẽ được liệt kê khi yêu cầu bổ sung)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/hints_panel.py" line="101" />
        <source>Dismiss…</source>
        <translation>Bỏ qua…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/hints_panel.py" line="102" />
        <source>The hint does not apply; a reason is required</source>
        <translation>Gợi ý không đúng với hồ sơ; cần ghi lý do</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/hints_panel.py" line="103" />
        <source>Reopen</source>
        <translation>Mở lại</translation>
    </message>
</context>
<context>
    <name>HintsPanel</name>
    <message>
        <source>&lt;b&gt;Screening hints&lt;/b&gt; — {open} to decide of {total}</source>
        <translation>&lt;b&gt;Gợi ý kiểm tra&lt;/b&gt; — {open} cần quyết định / {total}</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/hints_panel.py" line="144" />
        <source>Screen again</source>
        <translation>Kiểm tra lại</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/hints_panel.py" line="175" />
        <source>&lt;b&gt;Screening hints&lt;/b&gt;</source>
        <translation>&lt;b&gt;Gợi ý kiểm tra hồ sơ&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/hints_panel.py" line="176" />
        <source>Select a case to see its screening hints.</source>
        <translation>Chọn một hồ sơ để xem các gợi ý kiểm tra.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/hints_panel.py" line="181" />
        <source>&lt;b&gt;Screening hints&lt;/b&gt; — {open} open of {total}</source>
        <translation>&lt;b&gt;Gợi ý kiểm tra hồ sơ&lt;/b&gt; — {open} chưa xử lý / {total}</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/hints_panel.py" line="198" />
        <source>No hints: the screening found nothing to check.</source>
        <translation>Không có gợi ý: việc kiểm tra không phát hiện điểm nào cần xem lại.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/hints_panel.py" line="200" />
        <source>No hints stored for this case.</source>
        <translation>Hồ sơ này chưa có gợi ý kiểm tra.</translation>
    </message>
</context>
<context>
    <name>IntakeController</name>
    <message>
        <source>Demo generation cancelled: {count} of {requested} dossiers were kept; no more were added.</source>
        <translation>Đã hủy tạo dữ liệu mẫu: giữ lại {count}/{requested} hồ sơ đã tạo; không thêm hồ sơ nào nữa.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/intake.py" line="37" />
        <source>Another long operation is still running.</source>
        <translation>Một thao tác dài khác đang chạy.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/intake.py" line="82" />
        <source>Demo data</source>
        <translation>Dữ liệu mẫu</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/intake.py" line="91" />
        <source>Generating demo data…</source>
        <translation>Đang tạo dữ liệu mẫu…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/intake.py" line="83" />
        <source>How many synthetic dossiers? (demo mode is refused on a database with real cases)</source>
        <translation>Tạo bao nhiêu hồ sơ mẫu? (không bật chế độ mẫu trên cơ sở dữ liệu đã có hồ sơ thật)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/intake.py" line="52" />
        <source>Import dossiers from a folder</source>
        <translation>Nhập hồ sơ từ thư mục</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/intake.py" line="61" />
        <source>Import finished</source>
        <translation>Nhập hồ sơ xong</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/intake.py" line="57" />
        <source>Imported {imported}, skipped {skipped}, failed {failed}.</source>
        <translation>Đã nhập {imported}, bỏ qua {skipped}, lỗi {failed}.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/intake.py" line="68" />
        <source>Importing dossiers…</source>
        <translation>Đang nhập hồ sơ…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/intake.py" line="76" />
        <source>Screening open cases…</source>
        <translation>Đang kiểm tra các hồ sơ đang mở…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/intake.py" line="78" />
        <source>{count} cases screened</source>
        <translation>Đã kiểm tra {count} hồ sơ</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/intake.py" line="94" />
        <source>{count} demo dossiers created</source>
        <translation>Đã tạo {count} hồ sơ mẫu</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <source>A date of birth cannot be in the future</source>
        <translation>Ngày sinh không thể ở tương lai</translation>
    </message>
    <message>
        <source>Enter a date as dd/mm/yyyy, or only the year (e.g. 1975)</source>
        <translation>Nhập ngày dạng dd/mm/yyyy, hoặc chỉ năm (ví dụ 1975)</translation>
    </message>
    <message>
        <source>The unsaved dossier was restored; check it and save with Ctrl+Enter.</source>
        <translation>Đã khôi phục hồ sơ chưa lưu; kiểm tra lại rồi lưu bằng Ctrl+Enter.</translation>
    </message>
    <message>
        <source>no procedure chosen</source>
        <translation>chưa chọn thủ tục</translation>
    </message>
    <message>
        <source>A dossier that was not saved was kept: {name}, {procedure} ({when}).</source>
        <translation>Có một hồ sơ chưa lưu được giữ lại: {name}, {procedure} ({when}).</translation>
    </message>
    <message>
        <source>(no name yet)</source>
        <translation>(chưa có họ tên)</translation>
    </message>
    <message>
        <source>Discard it</source>
        <translation>Bỏ bản nháp</translation>
    </message>
    <message>
        <source>&amp;Restore it</source>
        <translation>&amp;Khôi phục</translation>
    </message>
    <message>
        <source>The draft could not be kept on disk: {reason}</source>
        <translation>Không lưu được bản nháp: {reason}</translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation>Đóng, không lưu</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Tiếp tục nhập</translation>
    </message>
    <message>
        <source>The dossier has not been saved. Close it anyway? What you entered is kept as a draft and offered the next time you open a new dossier.</source>
        <translation>Hồ sơ chưa được lưu. Vẫn đóng? Những gì đã nhập được giữ làm bản nháp và đề nghị khôi phục khi mở hồ sơ mới lần sau.</translation>
    </message>
    <message>
        <source>Close the new dossier?</source>
        <translation>Đóng hồ sơ mới?</translation>
    </message>
    <message>
        <source>Create the case and screen it (Ctrl+Enter or Ctrl+S)</source>
        <translation>Tạo hồ sơ và kiểm tra (Ctrl+Enter hoặc Ctrl+S)</translation>
    </message>
    <message>
        <source>Save and screen (Ctrl+Enter)</source>
        <translation>Lưu và kiểm tra (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="294" />
        <source>New dossier</source>
        <translation>Tiếp nhận hồ sơ mới</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="331" />
        <source>&amp;Documents handed in (tick what is present; drop scans on a row):</source>
        <translation>&amp;Thành phần hồ sơ đã nộp (đánh dấu giấy tờ có; kéo thả bản quét vào dòng tương ứng):</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="336" />
        <source>Document</source>
        <translation>Giấy tờ</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="336" />
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="336" />
        <source>Qty</source>
        <translation>SL</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="336" />
        <source>Scan</source>
        <translation>Bản quét</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="343" />
        <source>&amp;Attach scan…</source>
        <translation>&amp;Đính kèm bản quét…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="344" />
        <source>Attach a scan (PDF or image) to the selected document (Ctrl+O)</source>
        <translation>Đính kèm bản quét (PDF hoặc ảnh) cho giấy tờ đang chọn (Ctrl+O)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="346" />
        <source>Remove scan</source>
        <translation>Gỡ bản quét</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="364" />
        <source>Save and screen</source>
        <translation>Lưu và kiểm tra</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="365" />
        <source>Create the case and screen it (Ctrl+S)</source>
        <translation>Tạo hồ sơ và kiểm tra (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="393" />
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="395" />
        <source>12 digits</source>
        <translation>12 chữ số</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="397" />
        <source>e.g. 0912 345 678</source>
        <translation>ví dụ 0912 345 678</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="425" />
        <source>Applicant</source>
        <translation>Người nộp</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="430" />
        <source>Scan the QR on the citizen ID card here (or in any field)</source>
        <translation>Quét mã QR trên thẻ căn cước vào đây (hoặc vào ô bất kỳ)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="432" />
        <source>ID card &amp;QR:</source>
        <translation>&amp;QR thẻ căn cước:</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="435" />
        <source>&amp;Full name</source>
        <translation>&amp;Họ và tên</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="436" />
        <source>Date of &amp;birth</source>
        <translation>&amp;Ngày sinh</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="437" />
        <source>Se&amp;x</source>
        <translation>&amp;Giới tính</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="438" />
        <source>ID &amp;type</source>
        <translation>&amp;Loại giấy tờ</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="442" />
        <source>Citizen ID (CCCD)</source>
        <translation>Căn cước công dân (CCCD)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="442" />
        <source>Identity card (2024)</source>
        <translation>Thẻ căn cước (từ 2024)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="443" />
        <source>Passport</source>
        <translation>Hộ chiếu</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="443" />
        <source>Old ID card (CMND)</source>
        <translation>Chứng minh nhân dân (cũ)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="445" />
        <source>ID &amp;number</source>
        <translation>&amp;Số định danh</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="446" />
        <source>P&amp;hone</source>
        <translation>Điện &amp;thoại</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="447" />
        <source>E&amp;mail</source>
        <translation>Thư điện tử (&amp;email)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="448" />
        <source>&amp;Address</source>
        <translation>Đị&amp;a chỉ</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="449" />
        <source>Birth registered in</source>
        <translation>Nơi đăng ký khai sinh</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="454" />
        <source>C&amp;hannel:</source>
        <translation>&amp;Kênh nộp:</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="458" />
        <source>Declaration</source>
        <translation>Tờ khai</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="476" />
        <source>&lt;b&gt;Choose the procedure&lt;/b&gt; on the left (type part of its name or code, then Enter).</source>
        <translation>&lt;b&gt;Chọn thủ tục&lt;/b&gt; ở bên trái (gõ một phần tên hoặc mã thủ tục, rồi nhấn Enter).</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="485" />
        <source>This procedure has no declaration fields.</source>
        <translation>Thủ tục này không có tờ khai.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="503" />
        <source>(if applicable)</source>
        <translation>(nếu có)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="504" />
        <location filename="../../officer_desk/ui/intake.py" line="563" />
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="531" />
        <source>Applicant filled from the ID card of {name}.</source>
        <translation>Đã điền thông tin người nộp từ thẻ căn cước của {name}.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="549" />
        <source>{file}: only PDF and image files (PNG, JPEG, TIFF) can be attached.</source>
        <translation>{file}: chỉ đính kèm được tệp PDF hoặc ảnh (PNG, JPEG, TIFF).</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="568" />
        <source>Choose the procedure and a document first.</source>
        <translation>Hãy chọn thủ tục và giấy tờ trước.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="571" />
        <source>Attach scan</source>
        <translation>Đính kèm bản quét</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="571" />
        <source>Scans (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)</source>
        <translation>Bản quét (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="609" />
        <source>The applicant's consent is required</source>
        <translation>Cần có sự đồng ý của người nộp</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="611" />
        <source>Required</source>
        <translation>Bắt buộc nhập</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="616" />
        <source>Enter a date as dd/mm/yyyy</source>
        <translation>Nhập ngày theo dạng dd/mm/yyyy</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="618" />
        <source>This date does not exist</source>
        <translation>Ngày này không tồn tại</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="624" />
        <source>Not a valid Vietnamese phone number (10-digit mobile or 11-digit landline)</source>
        <translation>Số điện thoại không hợp lệ (di động 10 số hoặc cố định 11 số)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="627" />
        <source>Not a valid email address</source>
        <translation>Địa chỉ thư điện tử không hợp lệ</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="630" />
        <source>Not a valid tax code (10 or 13 digits with a correct check digit, or a 12-digit ID)</source>
        <translation>Mã số thuế không hợp lệ (10 hoặc 13 số với số kiểm tra đúng, hoặc số định danh 12 số)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="633" />
        <source>Enter a number</source>
        <translation>Nhập một số</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="636" />
        <source>A name cannot contain digits</source>
        <translation>Họ tên không được chứa chữ số</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="652" />
        <source>An ID number has exactly 12 digits</source>
        <translation>Số định danh phải có đúng 12 chữ số</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="653" />
        <source>Unknown province code {code} (the first 3 digits)</source>
        <translation>Mã tỉnh {code} không tồn tại (3 chữ số đầu)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="654" />
        <source>The 4th digit does not match the sex</source>
        <translation>Chữ số thứ 4 không khớp giới tính</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="655" />
        <source>The 4th digit does not match the century of birth</source>
        <translation>Chữ số thứ 4 không khớp thế kỷ sinh</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="656" />
        <source>Digits 5–6 must be the last two digits of the birth year</source>
        <translation>Chữ số thứ 5–6 phải là hai số cuối của năm sinh</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="738" />
        <source>Choose the procedure first.</source>
        <translation>Hãy chọn thủ tục trước.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="744" />
        <source>Please correct the {count} fields marked in red.</source>
        <translation>Hãy sửa {count} ô được đánh dấu đỏ.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="754" />
        <source>Saving…</source>
        <translation>Đang lưu…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="766" />
        <source>The dossier was not saved</source>
        <translation>Hồ sơ chưa được lưu</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>New appointment (apology issued)</source>
        <translation>Hẹn lại ngày trả kết quả (đã lập phiếu xin lỗi)</translation>
    </message>
    <message>
        <source>Hint overridden</source>
        <translation>Gợi ý bị bác bỏ</translation>
    </message>
    <message>
        <source>Defect confirmed</source>
        <translation>Lỗi đã xác nhận</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="16" />
        <source>New</source>
        <translation>Mới nhận</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="17" />
        <source>Accepted</source>
        <translation>Đã tiếp nhận</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="18" />
        <source>In processing</source>
        <translation>Đang xử lý</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="19" />
        <source>Awaiting signature</source>
        <translation>Chờ ký</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="20" />
        <source>Result ready</source>
        <translation>Có kết quả</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="21" />
        <source>Returned</source>
        <translation>Đã trả</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="22" />
        <source>Awaiting supplement</source>
        <translation>Chờ bổ sung</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="23" />
        <source>Refused</source>
        <translation>Từ chối</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="24" />
        <source>Withdrawn</source>
        <translation>Rút hồ sơ</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="34" />
        <source>Accept and issue receipt</source>
        <translation>Tiếp nhận và cấp giấy tiếp nhận</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="35" />
        <source>Request supplement…</source>
        <translation>Yêu cầu bổ sung…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="36" />
        <source>Supplement received</source>
        <translation>Nhận hồ sơ bổ sung</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="37" />
        <source>Start processing</source>
        <translation>Chuyển xử lý</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="38" />
        <source>Submit for signature</source>
        <translation>Trình ký</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="39" />
        <source>Mark result ready</source>
        <translation>Có kết quả</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="40" />
        <source>Return result</source>
        <translation>Trả kết quả</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="41" />
        <source>Refuse…</source>
        <translation>Từ chối…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="42" />
        <source>Withdraw…</source>
        <translation>Rút hồ sơ…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="52" />
        <source>At the counter</source>
        <translation>Trực tiếp</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="53" />
        <source>Online</source>
        <translation>Trực tuyến</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="54" />
        <source>By post</source>
        <translation>Bưu chính</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="61" />
        <source>Error</source>
        <translation>Lỗi</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="62" />
        <source>Warning</source>
        <translation>Cảnh báo</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="63" />
        <source>Note</source>
        <translation>Lưu ý</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="70" />
        <source>Original</source>
        <translation>Bản chính</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="71" />
        <source>Copy</source>
        <translation>Bản sao</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="72" />
        <source>Certified copy</source>
        <translation>Bản sao chứng thực</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="79" />
        <source>Open</source>
        <comment>hint decision</comment>
        <translation>Chưa xử lý</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="80" />
        <source>Accepted</source>
        <comment>hint decision</comment>
        <translation>Đã xác nhận</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="81" />
        <source>Dismissed</source>
        <comment>hint decision</comment>
        <translation>Đã bỏ qua</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="89" />
        <source>Received</source>
        <translation>Tiếp nhận</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="90" />
        <source>Assigned</source>
        <translation>Phân công</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="91" />
        <source>Unassigned</source>
        <translation>Bỏ phân công</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="92" />
        <source>Corrected</source>
        <translation>Sửa thông tin</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="93" />
        <source>Hint accepted</source>
        <translation>Xác nhận gợi ý</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="94" />
        <source>Hint dismissed</source>
        <translation>Bỏ qua gợi ý</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="95" />
        <source>Hint reopened</source>
        <translation>Mở lại gợi ý</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="96" />
        <source>Status set (demo data)</source>
        <translation>Đặt trạng thái (dữ liệu mẫu)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="97" />
        <source>Receipt issued</source>
        <translation>Cấp giấy tiếp nhận</translation>
    </message>
</context>
<context>
    <name>LongTask</name>
    <message>
        <location filename="../../officer_desk/ui/tasks.py" line="195" />
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/tasks.py" line="215" />
        <source>Cancelling…</source>
        <translation>Đang hủy…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Counter</source>
        <translation>Quầy</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Đang xử lý…</translation>
    </message>
    <message>
        <source>Print the sheet that follows the dossier through its hand-overs</source>
        <translation>In phiếu theo dõi hồ sơ qua các bước giao nhận</translation>
    </message>
    <message>
        <source>Processing &amp;control sheet</source>
        <translation>Phiếu &amp;kiểm soát quá trình giải quyết</translation>
    </message>
    <message>
        <source>The result is late: a signed apology with the new date; the due date changes with it</source>
        <translation>Đã quá hạn trả kết quả: phiếu xin lỗi có ký số kèm ngày hẹn mới; hạn giải quyết đổi theo</translation>
    </message>
    <message>
        <source>Apology and new &amp;appointment…</source>
        <translation>Xin lỗi và hẹn lại ngày &amp;trả…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/actions.py" line="177" />
        <source>&amp;Dashboard</source>
        <translation>&amp;Số liệu</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/actions.py" line="177" />
        <source>The center's numbers: channels, results on time, processing time, backlog</source>
        <translation>Số liệu của trung tâm: kênh nộp, kết quả đúng hạn, thời gian giải quyết, hồ sơ tồn</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="102" />
        <source>Officer Desk — {agency}, desk {desk}</source>
        <translation>Bàn làm việc một cửa — {agency}, quầy {desk}</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="149" />
        <source>Accept the dossier and issue the receipt</source>
        <translation>Tiếp nhận hồ sơ và cấp giấy tiếp nhận, hẹn trả kết quả</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="152" />
        <source>Ask the applicant to bring missing or corrected items</source>
        <translation>Đề nghị người nộp bổ sung, hoàn thiện hồ sơ</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="156" />
        <source>Refuse the dossier (a reason is required)</source>
        <translation>Từ chối tiếp nhận hồ sơ (cần ghi lý do)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="158" />
        <source>The applicant withdraws the dossier (reason required)</source>
        <translation>Người nộp rút hồ sơ (cần ghi lý do)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="166" />
        <source>Hand the result to the applicant</source>
        <translation>Trả kết quả cho người nộp</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="168" />
        <source>&amp;Print receipt again</source>
        <translation>&amp;In lại giấy tiếp nhận</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="170" />
        <source>Print the stored receipt again, or save it as PDF</source>
        <translation>In lại giấy tiếp nhận đã lưu, hoặc lưu thành tệp PDF</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="171" />
        <source>Assign to &amp;me</source>
        <translation>&amp;Nhận xử lý</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="172" />
        <source>Take this case (one officer at a time)</source>
        <translation>Nhận hồ sơ này để xử lý (mỗi lúc một cán bộ)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="174" />
        <source>Assign &amp;to…</source>
        <translation>&amp;Giao cho…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="175" />
        <source>Give this case to another officer of the desk</source>
        <translation>Giao hồ sơ này cho một cán bộ khác của bộ phận</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="173" />
        <source>&amp;Unassign</source>
        <translation>&amp;Trả lại phân công</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="174" />
        <source>Release this case</source>
        <translation>Trả hồ sơ về danh sách chung</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="175" />
        <source>&amp;New dossier…</source>
        <translation>&amp;Tiếp nhận hồ sơ mới…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="176" />
        <source>Receive a new dossier at the counter</source>
        <translation>Tiếp nhận hồ sơ mới tại quầy</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="177" />
        <source>&amp;Import folder…</source>
        <translation>&amp;Nhập hồ sơ từ thư mục…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="178" />
        <source>Import dossier files (JSON) from a folder</source>
        <translation>Nhập các tệp hồ sơ (JSON) từ một thư mục</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="179" />
        <source>Screen all open cases &amp;again…</source>
        <translation>&amp;Kiểm tra lại mọi hồ sơ đang mở…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="180" />
        <source>Run the screening again on every open case</source>
        <translation>Chạy lại việc kiểm tra cho mọi hồ sơ đang mở</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="182" />
        <source>Generate &amp;demo data…</source>
        <translation>Tạo &amp;dữ liệu mẫu…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="183" />
        <source>&amp;Settings…</source>
        <translation>&amp;Cài đặt…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="184" />
        <source>&amp;Quit</source>
        <translation>&amp;Thoát</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="185" />
        <source>&amp;Refresh</source>
        <translation>&amp;Làm mới</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="186" />
        <source>&amp;Search</source>
        <translation>Tìm &amp;kiếm</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="187" />
        <source>Search by name, ID number, phone or dossier code; scan a code here</source>
        <translation>Tìm theo tên, số định danh, điện thoại hoặc mã hồ sơ; có thể quét mã vào đây</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="188" />
        <source>Go to &amp;queue</source>
        <translation>Đến &amp;danh sách hồ sơ</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="189" />
        <source>Go to &amp;case</source>
        <translation>Đến &amp;hồ sơ đang chọn</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="190" />
        <source>Go to &amp;hints</source>
        <translation>Đến &amp;gợi ý kiểm tra</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="191" />
        <source>Next status tab</source>
        <translation>Thẻ trạng thái kế tiếp</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="192" />
        <source>Previous status tab</source>
        <translation>Thẻ trạng thái trước</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="194" />
        <source>Confirm the PC &amp;clock…</source>
        <translation>Xác nhận &amp;giờ máy tính…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="196" />
        <source>&amp;About Officer Desk</source>
        <translation>&amp;Giới thiệu</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="335" />
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="344" />
        <source>&amp;Case</source>
        <translation>&amp;Hồ sơ</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="356" />
        <source>&amp;View</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="360" />
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="1057" />
        <source>{code}: dossier created</source>
        <translation>{code}: đã tạo hồ sơ</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="1074" />
        <source>About Officer Desk</source>
        <translation>Giới thiệu</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="1075" />
        <source>&lt;b&gt;Officer Desk&lt;/b&gt; {version}&lt;br&gt;The desk of one-stop counter officers.</source>
        <translation>&lt;b&gt;Bàn làm việc một cửa&lt;/b&gt; {version}&lt;br&gt;Phần mềm cho cán bộ tiếp nhận và trả kết quả.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="198" />
        <source>&amp;Verify a signed document…</source>
        <translation>&amp;Xác minh văn bản đã ký…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="199" />
        <source>Check the signatures of a PDF or the QR code of a receipt</source>
        <translation>Kiểm tra chữ ký số của tệp PDF hoặc mã QR trên giấy tiếp nhận</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="345" />
        <source>Procedure &amp;assistant</source>
        <translation>&amp;Trợ lý thủ tục</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="348" />
        <source>Which procedure, which papers, which fee: answer a citizen's question</source>
        <translation>Thủ tục nào, giấy tờ gì, lệ phí bao nhiêu: trả lời câu hỏi của công dân</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="384" />
        <source>&amp;Tools</source>
        <translation>&amp;Công cụ</translation>
    </message>
    <message>
        <source>Attach the result document and submit it for signature</source>
        <translation>Đính kèm văn bản kết quả và trình ký</translation>
    </message>
    <message>
        <source>Sign the &amp;result…</source>
        <translation>Ký &amp;kết quả…</translation>
    </message>
    <message>
        <source>Preview the submitted result and sign it with your certificate</source>
        <translation>Xem văn bản kết quả đã trình và ký bằng chứng thư của mình</translation>
    </message>
    <message>
        <source>&amp;Lock the desk</source>
        <translation>&amp;Khóa quầy</translation>
    </message>
    <message>
        <source>Hide the queue until your password is given again</source>
        <translation>Ẩn hàng chờ cho đến khi nhập lại mật khẩu</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Đăng &amp;xuất</translation>
    </message>
    <message>
        <source>End your session; the next officer signs in</source>
        <translation>Kết thúc phiên làm việc; cán bộ tiếp theo đăng nhập</translation>
    </message>
    <message>
        <source>&amp;Back up the desk…</source>
        <translation>&amp;Sao lưu dữ liệu quầy…</translation>
    </message>
    <message>
        <source>An encrypted copy of the whole desk (cases, files, accounts, audit log)</source>
        <translation>Bản sao mã hóa của toàn bộ quầy (hồ sơ, tệp, tài khoản, nhật ký)</translation>
    </message>
    <message>
        <source>Back up the desk</source>
        <translation>Sao lưu dữ liệu quầy</translation>
    </message>
    <message>
        <source>Officer Desk backup (*.odbackup)</source>
        <translation>Bản sao lưu Officer Desk (*.odbackup)</translation>
    </message>
    <message>
        <source>Backing up the desk…</source>
        <translation>Đang sao lưu dữ liệu quầy…</translation>
    </message>
    <message>
        <source>Backup written: {file} ({cases} cases, {entries} audit entries). Keep it with the key&apos;s recovery copy.</source>
        <translation>Đã ghi bản sao lưu: {file} ({cases} hồ sơ, {entries} mục nhật ký). Hãy cất cùng bản sao khôi phục của khóa.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/actions.py" line="214" />
        <source>S&amp;ync now</source>
        <translation>Đồng &amp;bộ ngay</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/actions.py" line="215" />
        <source>Send this desk's changes to the center and receive the center's</source>
        <translation>Gửi thay đổi của quầy lên trung tâm và nhận thay đổi của trung tâm</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/actions.py" line="217" />
        <source>Sync &amp;status and conflicts…</source>
        <translation>Tình trạng đồng bộ và &amp;xung đột…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/actions.py" line="1" />
        <source>Export a USB &amp;bundle…</source>
        <translation>Xuất &amp;gói dữ liệu USB…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/actions.py" line="1" />
        <source>Write this desk&apos;s changes to a file for the center when there is no link</source>
        <translation>Ghi các thay đổi của quầy vào một tệp để mang lên trung tâm khi không có mạng</translation>
    </message>
</context>
<context>
    <name>ProcedurePicker</name>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="141" />
        <source>&amp;Procedure (name or code):</source>
        <translation>&amp;Thủ tục (tên hoặc mã):</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="146" />
        <source>e.g. khai sinh, tam tru, 1.004194</source>
        <translation>ví dụ: khai sinh, tạm trú, 1.004194</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <source>{code} opened — choose a tab to see the queue</source>
        <translation>Đã mở {code} — chọn một thẻ để xem lại danh sách</translation>
    </message>
    <message>
        <source>No dossiers in “{status}”.</source>
        <translation>Không có hồ sơ ở trạng thái “{status}”.</translation>
    </message>
    <message>
        <source>No dossiers yet: receive one with New dossier (Ctrl+N).</source>
        <translation>Chưa có hồ sơ nào: tiếp nhận hồ sơ mới bằng Ctrl+N.</translation>
    </message>
    <message>
        <source>No dossiers with the filters chosen above.</source>
        <translation>Không có hồ sơ nào với bộ lọc đang chọn.</translation>
    </message>
    <message>
        <source>No dossiers due today.</source>
        <translation>Không có hồ sơ đến hạn hôm nay.</translation>
    </message>
    <message>
        <source>No overdue dossiers.</source>
        <translation>Không có hồ sơ quá hạn.</translation>
    </message>
    <message>
        <source>No dossier matches “{text}”.</source>
        <translation>Không có hồ sơ nào khớp “{text}”.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/panels/queue_panel.py" line="135" />
        <source>All</source>
        <translation>Tất cả</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/panels/queue_panel.py" line="112" />
        <source>All channels</source>
        <translation>Mọi kênh nộp</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/panels/queue_panel.py" line="120" />
        <source>All officers</source>
        <translation>Mọi cán bộ</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/panels/queue_panel.py" line="102" />
        <source>All procedures</source>
        <translation>Tất cả thủ tục</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/panels/queue_panel.py" line="127" />
        <source>Any due date</source>
        <translation>Mọi hạn trả</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/panels/queue_panel.py" line="119" />
        <source>Assigned officer</source>
        <translation>Cán bộ xử lý</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/panels/queue_panel.py" line="111" />
        <source>Channel</source>
        <translation>Kênh nộp</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/panels/queue_panel.py" line="159" />
        <source>Ctrl+PgDown / Ctrl+PgUp switch tabs</source>
        <translation>Ctrl+PgDown / Ctrl+PgUp để chuyển thẻ</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/panels/queue_panel.py" line="126" />
        <source>Due date</source>
        <translation>Hạn trả</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/panels/queue_panel.py" line="128" />
        <source>Due today</source>
        <translation>Đến hạn hôm nay</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/panels/queue_panel.py" line="129" />
        <source>Due within one working day</source>
        <translation>Đến hạn trong một ngày làm việc</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/panels/queue_panel.py" line="85" />
        <source>Filters</source>
        <translation>Bộ lọc</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/panels/queue_panel.py" line="295" />
        <source>First {count} matches — type more to narrow</source>
        <translation>{count} kết quả đầu — gõ thêm để thu hẹp</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/panels/queue_panel.py" line="121" />
        <source>Mine ({officer})</source>
        <translation>Của tôi ({officer})</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/panels/queue_panel.py" line="320" />
        <source>No case with code {code}</source>
        <translation>Không có hồ sơ mã {code}</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/panels/queue_panel.py" line="130" />
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/panels/queue_panel.py" line="101" />
        <source>Procedure</source>
        <translation>Thủ tục</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/panels/queue_panel.py" line="143" />
        <source>Refused / withdrawn</source>
        <translation>Từ chối / rút</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/panels/queue_panel.py" line="93" />
        <source>Search name, ID number, phone, dossier code — or scan (Ctrl+F)</source>
        <translation>Tìm tên, số định danh, điện thoại, mã hồ sơ — hoặc quét mã (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/panels/queue_panel.py" line="200" />
        <source>Searching…</source>
        <translation>Đang tìm…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/panels/queue_panel.py" line="299" />
        <source>{count} cases</source>
        <translation>{count} hồ sơ</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/panels/queue_panel.py" line="297" />
        <source>{count}+ cases, counting…</source>
        <translation>Hơn {count} hồ sơ, đang đếm…</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../officer_desk/ui/dialogs.py" line="78" />
        <source>Reason (required)</source>
        <translation>Lý do (bắt buộc)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dialogs.py" line="92" />
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="60" />
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="70" />
        <source>Agency identifier (QCVN), the first part of every dossier code</source>
        <translation>Mã định danh cơ quan (QCVN), phần đầu của mọi mã hồ sơ</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="82" />
        <source>Office &amp;name:</source>
        <translation>&amp;Tên cơ quan:</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="83" />
        <source>Agency &amp;code:</source>
        <translation>&amp;Mã cơ quan:</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="84" />
        <source>Document &amp;header (one line each):</source>
        <translation>Tiêu đề &amp;văn bản (mỗi dòng một cấp):</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="85" />
        <source>&amp;Address:</source>
        <translation>Đị&amp;a chỉ:</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="86" />
        <source>&amp;Province:</source>
        <translation>Tỉn&amp;h:</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="87" />
        <source>&amp;Desk number:</source>
        <translation>&amp;Số quầy:</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="88" />
        <source>Officer's full &amp;name:</source>
        <translation>Họ tên &amp;cán bộ:</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="91" />
        <source>Office &amp;&amp; desk</source>
        <translation>Cơ quan &amp;&amp; quầy</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="97" />
        <source>Opening hours per weekday, as HH:MM-HH:MM spans separated by commas; empty = closed.</source>
        <translation>Giờ làm việc từng ngày, dạng HH:MM-HH:MM cách nhau bởi dấu phẩy; để trống = nghỉ.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="100" />
        <source>Office hours</source>
        <translation>Giờ tiếp nhận</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="100" />
        <source>Result collection hours</source>
        <translation>Giờ trả kết quả</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="101" />
        <source>Monday</source>
        <translation>Thứ Hai</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="101" />
        <source>Tuesday</source>
        <translation>Thứ Ba</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="101" />
        <source>Wednesday</source>
        <translation>Thứ Tư</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="101" />
        <source>Thursday</source>
        <translation>Thứ Năm</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="102" />
        <source>Friday</source>
        <translation>Thứ Sáu</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="102" />
        <source>Saturday</source>
        <translation>Thứ Bảy</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="102" />
        <source>Sunday</source>
        <translation>Chủ nhật</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="110" />
        <source>&amp;Hours</source>
        <translation>&amp;Giờ làm việc</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="116" />
        <source>empty = the local encrypted file</source>
        <translation>để trống = tệp mã hóa trên máy</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="117" />
        <source>postgresql://user@server/officer_desk for a shared database</source>
        <translation>postgresql://user@server/officer_desk cho cơ sở dữ liệu dùng chung</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="125" />
        <source>Local database file:</source>
        <translation>Tệp cơ sở dữ liệu trên máy:</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="126" />
        <source>&amp;Server URL:</source>
        <translation>Địa chỉ &amp;máy chủ:</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="127" />
        <source>&amp;Language:</source>
        <translation>&amp;Ngôn ngữ:</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="128" />
        <source>Database &amp;&amp; &amp;language</source>
        <translation>Cơ sở dữ liệu &amp;&amp; &amp;ngôn ngữ</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="135" />
        <source>PKCS#12 file or token key id</source>
        <translation>Tệp PKCS#12 hoặc mã khóa trên token</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="136" />
        <source>&amp;Browse…</source>
        <translation>&amp;Chọn…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="142" />
        <source>System default printer</source>
        <translation>Máy in mặc định của hệ thống</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="149" />
        <source>A5 (receipts)</source>
        <translation>A5 (giấy tiếp nhận)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="149" />
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="150" />
        <source>Thermal roll 80 mm</source>
        <translation>Giấy in nhiệt khổ 80 mm</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="153" />
        <source>Default &amp;certificate:</source>
        <translation>&amp;Chứng thư số mặc định:</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="154" />
        <source>&amp;Printer:</source>
        <translation>&amp;Máy in:</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="155" />
        <source>Paper si&amp;ze:</source>
        <translation>&amp;Khổ giấy:</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="156" />
        <source>&amp;Signing &amp;&amp; printing</source>
        <translation>&amp;Ký số &amp;&amp; in</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="183" />
        <source>Choose certificate</source>
        <translation>Chọn chứng thư số</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="184" />
        <source>PKCS#12 (*.p12 *.pfx);;All files (*)</source>
        <translation>PKCS#12 (*.p12 *.pfx);;Mọi tệp (*)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="199" />
        <source>{day}: write hours as HH:MM-HH:MM, separated by commas.</source>
        <translation>{day}: ghi giờ dạng HH:MM-HH:MM, cách nhau bởi dấu phẩy.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="207" />
        <source>The agency code is required.</source>
        <translation>Cần nhập mã cơ quan.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="213" />
        <source>The server URL must start with postgresql://</source>
        <translation>Địa chỉ máy chủ phải bắt đầu bằng postgresql://</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="242" />
        <source>Settings were not saved</source>
        <translation>Chưa lưu được cài đặt</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="250" />
        <source>The new database location is used from the next start.</source>
        <translation>Vị trí cơ sở dữ liệu mới có hiệu lực từ lần mở tiếp theo.</translation>
    </message>
    <message>
        <source>Keep the PKCS#12 password for the signing session</source>
        <translation>Giữ mật khẩu PKCS#12 trong phiên ký</translation>
    </message>
    <message>
        <source>Keep the token logged in for the signing session</source>
        <translation>Giữ token đăng nhập trong phiên ký</translation>
    </message>
    <message>
        <source> min (0: never)</source>
        <translation> phút (0: không khóa)</translation>
    </message>
    <message>
        <source>Bind an officer&apos;s certificate…</source>
        <translation>Gắn chứng thư cho cán bộ…</translation>
    </message>
    <message>
        <source>Certificates:</source>
        <translation>Chứng thư số:</translation>
    </message>
    <message>
        <source>Token &amp;module (PKCS#11):</source>
        <translation>&amp;Thư viện token (PKCS#11):</translation>
    </message>
    <message>
        <source>&amp;Lock after idle:</source>
        <translation>&amp;Khóa khi không dùng sau:</translation>
    </message>
</context>
<context>
    <name>SupplementDialog</name>
    <message>
        <location filename="../../officer_desk/ui/dialogs.py" line="123" />
        <source>Request supplement — {code}</source>
        <translation>Yêu cầu bổ sung — {code}</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dialogs.py" line="126" />
        <source>&amp;Missing or incorrect items (Space ticks an item):</source>
        <translation>&amp;Thành phần còn thiếu hoặc chưa đúng (phím cách để đánh dấu):</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dialogs.py" line="142" />
        <source>&amp;Note to the applicant:</source>
        <translation>&amp;Ghi chú cho người nộp:</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dialogs.py" line="150" />
        <source>Request supplement</source>
        <translation>Yêu cầu bổ sung</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="63" />
        <source>Verify a signed document</source>
        <translation>Xác minh văn bản đã ký</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="66" />
        <source>Check the digital signatures of a PDF (decision, receipt, notice), or the QR code printed on a receipt.</source>
        <translation>Kiểm tra chữ ký số của tệp PDF (quyết định, giấy tiếp nhận, thông báo) hoặc mã QR in trên giấy tiếp nhận.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="72" />
        <source>&amp;Choose a signed PDF…</source>
        <translation>&amp;Chọn tệp PDF đã ký…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="75" />
        <source>Check receipt &amp;QR (PDF or photo)…</source>
        <translation>Kiểm tra mã &amp;QR giấy tiếp nhận (PDF hoặc ảnh)…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="84" />
        <source>Or paste the &amp;QR text:</source>
        <translation>Hoặc dán &amp;nội dung mã QR:</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="88" />
        <source>ODR1:… (scan the receipt's QR code here)</source>
        <translation>ODR1:… (quét mã QR trên giấy tiếp nhận vào đây)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="90" />
        <source>Check</source>
        <translation>Kiểm tra</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="142" />
        <source>Choose a signed PDF</source>
        <translation>Chọn tệp PDF đã ký</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="143" />
        <source>PDF (*.pdf);;All files (*)</source>
        <translation>PDF (*.pdf);;Mọi tệp (*)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="149" />
        <source>Choose a receipt (PDF or photo)</source>
        <translation>Chọn giấy tiếp nhận (PDF hoặc ảnh)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="150" />
        <source>Receipts (*.pdf *.png *.jpg *.jpeg);;All files (*)</source>
        <translation>Giấy tiếp nhận (*.pdf *.png *.jpg *.jpeg);;Mọi tệp (*)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="163" />
        <source>File: {file}</source>
        <translation>Tệp: {file}</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="164" />
        <source>Verifying the signatures…</source>
        <translation>Đang xác minh chữ ký…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="170" />
        <source>Receipt: {file}</source>
        <translation>Giấy tiếp nhận: {file}</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="171" />
        <source>Receipt QR text</source>
        <translation>Nội dung mã QR giấy tiếp nhận</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="172" />
        <source>Checking the receipt QR…</source>
        <translation>Đang kiểm tra mã QR…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="199" />
        <source>Not checked</source>
        <translation>Chưa kiểm tra được</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="224" />
        <source>The file could not be checked: {reason}</source>
        <translation>Không kiểm tra được tệp: {reason}</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="227" />
        <source>The document has no signature.</source>
        <translation>Văn bản không có chữ ký.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="229" />
        <source>{count} signature(s) checked.</source>
        <translation>Đã kiểm tra {count} chữ ký.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="236" />
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="236" />
        <source>no</source>
        <translation>không</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="237" />
        <source>intact (the signed content is unchanged)</source>
        <translation>nguyên vẹn (nội dung đã ký không bị thay đổi)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="238" />
        <source>BROKEN (the signed content was changed)</source>
        <translation>BỊ PHÁ VỠ (nội dung đã ký bị thay đổi)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="239" />
        <source>none</source>
        <translation>không có</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="240" />
        <source>allowed changes only (form filling, later signatures)</source>
        <translation>chỉ có thay đổi được phép (điền biểu mẫu, chữ ký sau)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="241" />
        <source>changes NOT allowed after signing</source>
        <translation>có thay đổi KHÔNG được phép sau khi ký</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="243" />
        <source>not revoked</source>
        <translation>chưa bị thu hồi</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="243" />
        <source>REVOKED</source>
        <translation>ĐÃ BỊ THU HỒI</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="244" />
        <source>unknown (no revocation information)</source>
        <translation>không xác định (không có thông tin thu hồi)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="248" />
        <source>none found</source>
        <translation>không tìm thấy</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="250" />
        <source>Signer</source>
        <translation>Người ký</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="251" />
        <source>Organisation</source>
        <translation>Cơ quan, tổ chức</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="252" />
        <source>Signing time</source>
        <translation>Thời điểm ký</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="253" />
        <source>Timestamped</source>
        <translation>Có dấu thời gian</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="254" />
        <source>Integrity</source>
        <translation>Toàn vẹn</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="255" />
        <source>Changes after signing</source>
        <translation>Thay đổi sau khi ký</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="256" />
        <source>Certificate chain</source>
        <translation>Chuỗi chứng thư</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="257" />
        <source>Trust anchor</source>
        <translation>Chứng thư gốc tin cậy</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="258" />
        <source>Revocation</source>
        <translation>Thu hồi</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="260" />
        <source>Signature {number}: {verdict}</source>
        <translation>Chữ ký {number}: {verdict}</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="268" />
        <source>Reasons</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="277" />
        <source>Genuine</source>
        <translation>Đúng bản gốc</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="278" />
        <source>Tampered</source>
        <translation>Đã bị sửa đổi</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="279" />
        <source>Unknown issuer</source>
        <translation>Không rõ nơi cấp</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="280" />
        <source>No receipt QR found</source>
        <translation>Không tìm thấy mã QR giấy tiếp nhận</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="290" />
        <source>The QR code was issued and signed by a trusted desk and has not been altered.</source>
        <translation>Mã QR do một quầy tin cậy cấp và ký, không bị sửa đổi.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="291" />
        <source>The QR code is in the desk's format but was altered or signed with another key.</source>
        <translation>Mã QR đúng định dạng của quầy nhưng đã bị sửa đổi hoặc được ký bằng khóa khác.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="292" />
        <source>The QR code is well formed, but the desk that issued it is not trusted on this computer.</source>
        <translation>Mã QR đúng định dạng, nhưng quầy cấp mã chưa được tin cậy trên máy này.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="294" />
        <source>No QR code issued by a desk was found.</source>
        <translation>Không tìm thấy mã QR do quầy cấp.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="297" />
        <source>Dossier code</source>
        <translation>Mã hồ sơ</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="297" />
        <source>Document</source>
        <translation>Loại giấy</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="298" />
        <source>Applicant name (hash)</source>
        <translation>Họ tên người nộp (mã băm)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="299" />
        <source>Appointment</source>
        <translation>Hẹn trả</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="299" />
        <source>Desk</source>
        <translation>Quầy</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="300" />
        <source>Issued at</source>
        <translation>Thời điểm cấp</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="300" />
        <source>Key</source>
        <translation>Khóa</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="1" />
        <source>Modified after signing — what differs from the signed document</source>
        <translation>Đã bị sửa sau khi ký — những chỗ khác với tài liệu đã ký</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="1" />
        <source>Changes after signing (allowed)</source>
        <translation>Thay đổi sau khi ký (được phép)</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="83" />
        <source>Table</source>
        <translation>Bảng</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="84" />
        <source>Show the numbers behind the chart</source>
        <translation>Xem số liệu của biểu đồ</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="106" />
        <source>No dossiers in this period</source>
        <translation>Không có hồ sơ trong kỳ</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="112" />
        <source>Chart</source>
        <translation>Biểu đồ</translation>
    </message>
</context>
<context>
    <name>DashboardWidget</name>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="208" />
        <source>Dossiers received by channel</source>
        <translation>Hồ sơ tiếp nhận theo kênh</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="209" />
        <source>Results: early, on time, late</source>
        <translation>Kết quả: trước hạn, đúng hạn, trễ hạn</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="210" />
        <source>Processing time (working days): median and 90th percentile</source>
        <translation>Thời gian giải quyết (ngày làm việc): trung vị và P90</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="212" />
        <source>Supplement requests and refusals</source>
        <translation>Yêu cầu bổ sung và từ chối</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="213" />
        <source>Most frequent screening hints and dismissals</source>
        <translation>Gợi ý sàng lọc thường gặp và số lần bỏ qua</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="214" />
        <source>Open dossiers by age (days since receipt)</source>
        <translation>Hồ sơ tồn theo số ngày từ khi nhận</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="233" />
        <source>Last 7 days</source>
        <translation>7 ngày qua</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="233" />
        <source>Last 30 days</source>
        <translation>30 ngày qua</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="233" />
        <source>This month</source>
        <translation>Tháng này</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="233" />
        <source>This year</source>
        <translation>Năm nay</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="234" />
        <source>Chosen days</source>
        <translation>Tự chọn</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="238" />
        <source>&amp;Period:</source>
        <translation>&amp;Kỳ:</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="254" />
        <source>All procedures</source>
        <translation>Mọi thủ tục</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="261" />
        <source>All officers</source>
        <translation>Mọi cán bộ</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="265" />
        <source>Commune or ward</source>
        <translation>Xã, phường</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="271" />
        <source>All desks</source>
        <translation>Mọi quầy</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="272" />
        <source>Desk </source>
        <translation>Quầy </translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="276" />
        <source>By procedure</source>
        <translation>Theo thủ tục</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="276" />
        <source>By officer</source>
        <translation>Theo cán bộ</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="277" />
        <source>By channel</source>
        <translation>Theo kênh</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="277" />
        <source>By commune</source>
        <translation>Theo xã, phường</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="280" />
        <source>&amp;Show</source>
        <translation>&amp;Xem</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="284" />
        <source>E&amp;xport…</source>
        <translation>&amp;Xuất tệp…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="327" />
        <source>The first day is after the last day: choose the period again.</source>
        <translation>Ngày đầu sau ngày cuối: hãy chọn lại kỳ.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="332" />
        <source>Computing…</source>
        <translation>Đang tính…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="344" />
        <source>The figures could not be computed: {reason}</source>
        <translation>Không tính được số liệu: {reason}</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="352" />
        <source>&lt;b&gt;{received}&lt;/b&gt; dossiers received · online &lt;b&gt;{online}&lt;/b&gt; · results early {early}, on time {on_time}, late &lt;b&gt;{late}&lt;/b&gt; · median {median} / P90 {p90} working days · at the desk {minutes} min per dossier · {signed} documents signed, {receipts} receipts · open {open} (overdue {overdue})</source>
        <translation>&lt;b&gt;{received}&lt;/b&gt; hồ sơ tiếp nhận · trực tuyến &lt;b&gt;{online}&lt;/b&gt; · trả trước hạn {early}, đúng hạn {on_time}, trễ hạn &lt;b&gt;{late}&lt;/b&gt; · trung vị {median} / P90 {p90} ngày làm việc · tại quầy {minutes} phút/hồ sơ · {signed} văn bản đã ký, {receipts} giấy tiếp nhận · đang tồn {open} (quá hạn {overdue})</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="361" />
        <source>Period {period}, computed at {time}</source>
        <translation>Kỳ {period}, tính lúc {time}</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="369" />
        <source>Online</source>
        <translation>Trực tuyến</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="369" />
        <source>At the counter</source>
        <translation>Trực tiếp</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="369" />
        <source>By post</source>
        <translation>Bưu chính</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="373" />
        <source>Channel</source>
        <translation>Kênh</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="373" />
        <source>Dossiers</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="373" />
        <source>Share</source>
        <translation>Tỷ lệ</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="377" />
        <source>Early</source>
        <translation>Trước hạn</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="378" />
        <source>On time</source>
        <translation>Đúng hạn</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="379" />
        <source>Late</source>
        <translation>Trễ hạn</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="381" />
        <source>Late share</source>
        <translation>Tỷ lệ trễ hạn</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="386" />
        <source>Median</source>
        <translation>Trung vị</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="387" />
        <source>90th percentile</source>
        <translation>P90</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="388" />
        <source>Returned</source>
        <translation>Đã trả</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="389" />
        <source>Minutes at the desk</source>
        <translation>Phút tại quầy</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="392" />
        <source>Supplement requested</source>
        <translation>Yêu cầu bổ sung</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="393" />
        <source>Refused</source>
        <translation>Từ chối</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="394" />
        <source>Received</source>
        <translation>Tiếp nhận</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="399" />
        <source>Raised</source>
        <translation>Số lần</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="400" />
        <source>Dismissed by officers</source>
        <translation>Cán bộ bỏ qua</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="401" />
        <source>Hint</source>
        <translation>Gợi ý</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="401" />
        <source>Dismissed</source>
        <translation>Bỏ qua</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="401" />
        <source>Accepted</source>
        <translation>Chấp nhận</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="402" />
        <source>Dismissal rate</source>
        <translation>Tỷ lệ bỏ qua</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="406" />
        <source>Open dossiers</source>
        <translation>Hồ sơ tồn</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="407" />
        <source>Days since receipt</source>
        <translation>Số ngày từ khi nhận</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="409" />
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="426" />
        <source>Export the report</source>
        <translation>Xuất báo cáo</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="427" />
        <source>Spreadsheet (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>Bảng tính (*.xlsx);;CSV, UTF-8 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="435" />
        <source>Saved {path}</source>
        <translation>Đã lưu {path}</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="440" />
        <source>Dashboard</source>
        <translation>Số liệu</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="1" />
        <source>&amp;Register book…</source>
        <translation>Sổ &amp;theo dõi…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="1" />
        <source>The dossiers of this period, each with its processing control sheet</source>
        <translation>Hồ sơ của kỳ này, mỗi hồ sơ kèm phiếu kiểm soát quá trình giải quyết</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>The administrator&apos;s account</source>
        <translation>Tài khoản quản trị</translation>
    </message>
    <message>
        <source>The administrator adds the officers&apos; accounts and certificates, and keeps the backups.</source>
        <translation>Quản trị viên thêm tài khoản và chứng thư số của cán bộ, và giữ các bản sao lưu.</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Tên đăng nhập:</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>Họ và tên:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Mật khẩu:</translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>Nhập lại mật khẩu:</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Hai mật khẩu không giống nhau.</translation>
    </message>
</context>
<context>
    <name>CertificateBindingDialog</name>
    <message>
        <source>Bind a signing certificate</source>
        <translation>Gắn chứng thư số để ký</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>Tài khoản:</translation>
    </message>
    <message>
        <source>PKCS#12 file (.p12, .pfx)</source>
        <translation>Tệp PKCS#12 (.p12, .pfx)</translation>
    </message>
    <message>
        <source>USB token (PKCS#11)</source>
        <translation>Token USB (PKCS#11)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Tệp:</translation>
    </message>
    <message>
        <source>Its password (not stored):</source>
        <translation>Mật khẩu của tệp (không được lưu):</translation>
    </message>
    <message>
        <source>The token&apos;s PKCS#11 library, e.g. /usr/lib/…/libvnpt-ca.so</source>
        <translation>Thư viện PKCS#11 của token, ví dụ /usr/lib/…/libvnpt-ca.so</translation>
    </message>
    <message>
        <source>Read the token</source>
        <translation>Đọc token</translation>
    </message>
    <message>
        <source>Module:</source>
        <translation>Thư viện:</translation>
    </message>
    <message>
        <source>Key and certificate:</source>
        <translation>Khóa và chứng thư:</translation>
    </message>
    <message>
        <source>Check and bind</source>
        <translation>Kiểm tra và gắn</translation>
    </message>
    <message>
        <source>no certificate</source>
        <translation>chưa có chứng thư</translation>
    </message>
    <message>
        <source>Signing key</source>
        <translation>Khóa ký số</translation>
    </message>
    <message>
        <source>PKCS#12 (*.p12 *.pfx)</source>
        <translation>PKCS#12 (*.p12 *.pfx)</translation>
    </message>
    <message>
        <source>Reading the token…</source>
        <translation>Đang đọc token…</translation>
    </message>
    <message>
        <source>{name} — valid until {date}</source>
        <translation>{name} — hiệu lực đến {date}</translation>
    </message>
    <message>
        <source>The token holds no key with a certificate.</source>
        <translation>Token không có khóa nào kèm chứng thư.</translation>
    </message>
    <message>
        <source>Read the token and choose its key first.</source>
        <translation>Hãy đọc token và chọn khóa trước.</translation>
    </message>
    <message>
        <source>Checking the certificate…</source>
        <translation>Đang kiểm tra chứng thư…</translation>
    </message>
    <message>
        <source>Bound to {user}: {subject}, valid until {date}.</source>
        <translation>Đã gắn cho {user}: {subject}, hiệu lực đến {date}.</translation>
    </message>
</context>
<context>
    <name>CertificatesPage</name>
    <message>
        <source>The office&apos;s certificates</source>
        <translation>Chứng thư số của cơ quan</translation>
    </message>
    <message>
        <source>The certificate authority&apos;s certificates (PEM) that the desk trusts, and the administrator&apos;s own signing key (PKCS#12, optional; officers add theirs later). The key&apos;s password is used once to check it and is never stored.</source>
        <translation>Chứng thư của tổ chức cung cấp dịch vụ chứng thực (PEM) mà quầy tin cậy, và khóa ký của quản trị viên (PKCS#12, không bắt buộc; cán bộ gắn khóa của mình sau). Mật khẩu của khóa chỉ dùng một lần để kiểm tra và không bao giờ được lưu.</translation>
    </message>
    <message>
        <source>Add a CA certificate…</source>
        <translation>Thêm chứng thư CA…</translation>
    </message>
    <message>
        <source>Administrator&apos;s key (.p12):</source>
        <translation>Khóa của quản trị viên (.p12):</translation>
    </message>
    <message>
        <source>Its password:</source>
        <translation>Mật khẩu của khóa:</translation>
    </message>
    <message>
        <source>CA certificates</source>
        <translation>Chứng thư CA</translation>
    </message>
</context>
<context>
    <name>ChoicePage</name>
    <message>
        <source>Welcome to Officer Desk</source>
        <translation>Chào mừng đến với Officer Desk</translation>
    </message>
    <message>
        <source>This computer has no desk yet. Set up the desk of a real office, or try the program in demo mode.</source>
        <translation>Máy này chưa có quầy nào. Hãy cài đặt quầy cho cơ quan, hoặc dùng thử ở chế độ demo.</translation>
    </message>
    <message>
        <source>Set up this office&apos;s desk (real dossiers, the officers&apos; own certificates)</source>
        <translation>Cài đặt quầy của cơ quan (hồ sơ thật, chứng thư số của từng cán bộ)</translation>
    </message>
    <message>
        <source>DEMO MODE — synthetic dossiers and a demo certificate. Never for real citizens&apos; papers.</source>
        <translation>CHẾ ĐỘ DEMO — hồ sơ giả lập và chứng thư demo. Không bao giờ dùng cho giấy tờ của công dân.</translation>
    </message>
</context>
<context>
    <name>KeyPage</name>
    <message>
        <source>The database key</source>
        <translation>Khóa của cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>Dossiers are encrypted with a key kept in the operating system&apos;s key store when there is one, else in the file {file} (readable by this account only). Losing every copy of the key loses the data: keep a recovery copy on a USB stick in the office safe.</source>
        <translation>Hồ sơ được mã hóa bằng một khóa giữ trong kho khóa của hệ điều hành nếu có, nếu không thì trong tệp {file} (chỉ tài khoản này đọc được). Mất mọi bản sao của khóa là mất dữ liệu: hãy giữ một bản sao khôi phục trên USB trong tủ của cơ quan.</translation>
    </message>
    <message>
        <source>Recovery copy (optional): a file on a USB stick</source>
        <translation>Bản sao khôi phục (không bắt buộc): một tệp trên USB</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>I understand: without the key the data cannot be read.</source>
        <translation>Tôi hiểu: không có khóa thì không đọc được dữ liệu.</translation>
    </message>
    <message>
        <source>Recovery copy of the key</source>
        <translation>Bản sao khôi phục của khóa</translation>
    </message>
</context>
<context>
    <name>LockController</name>
    <message>
        <source>The desk is locked by {name}.</source>
        <translation>Quầy đang khóa bởi {name}.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Hãy nhập mật khẩu.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Đang kiểm tra…</translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Mở khóa</translation>
    </message>
    <message>
        <source>Sign in as someone else</source>
        <translation>Đăng nhập bằng tài khoản khác</translation>
    </message>
</context>
<context>
    <name>OfficePage</name>
    <message>
        <source>The office</source>
        <translation>Cơ quan</translation>
    </message>
    <message>
        <source>Office name:</source>
        <translation>Tên cơ quan:</translation>
    </message>
    <message>
        <source>Agency code (in dossier codes):</source>
        <translation>Mã cơ quan (trong mã hồ sơ):</translation>
    </message>
    <message>
        <source>Province (since 01/07/2025):</source>
        <translation>Tỉnh, thành phố (từ 01/07/2025):</translation>
    </message>
    <message>
        <source>Commune or ward:</source>
        <translation>Xã, phường:</translation>
    </message>
    <message>
        <source>Counter (desk) number:</source>
        <translation>Số quầy:</translation>
    </message>
    <message>
        <source>Enter the office&apos;s name.</source>
        <translation>Hãy nhập tên cơ quan.</translation>
    </message>
    <message>
        <source>Enter the agency code, without spaces.</source>
        <translation>Hãy nhập mã cơ quan, không có khoảng trắng.</translation>
    </message>
    <message>
        <source>Choose a province from the list (after the 2025 merger).</source>
        <translation>Hãy chọn tỉnh, thành phố trong danh sách (sau sáp nhập 2025).</translation>
    </message>
    <message>
        <source>Enter the commune or ward.</source>
        <translation>Hãy nhập xã, phường.</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>Signing PIN</source>
        <translation>Mã PIN ký số</translation>
    </message>
    <message>
        <source>PIN or password</source>
        <translation>Mã PIN hoặc mật khẩu</translation>
    </message>
    <message>
        <source>Cancel signs nothing: the dossier stays as it is.</source>
        <translation>Hủy thì không ký gì: hồ sơ giữ nguyên.</translation>
    </message>
</context>
<context>
    <name>PrinterPage</name>
    <message>
        <source>The printer</source>
        <translation>Máy in</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>(chưa có)</translation>
    </message>
    <message>
        <source>80 mm roll</source>
        <translation>Cuộn 80 mm</translation>
    </message>
    <message>
        <source>Print a test page</source>
        <translation>In trang thử</translation>
    </message>
    <message>
        <source>Printer:</source>
        <translation>Máy in:</translation>
    </message>
    <message>
        <source>Paper of receipts:</source>
        <translation>Khổ giấy của giấy tiếp nhận:</translation>
    </message>
    <message>
        <source>Choose a printer first.</source>
        <translation>Hãy chọn máy in trước.</translation>
    </message>
    <message>
        <source>Officer Desk test page</source>
        <translation>Trang in thử Officer Desk</translation>
    </message>
    <message>
        <source>The test page was sent to {printer}.</source>
        <translation>Đã gửi trang in thử tới {printer}.</translation>
    </message>
</context>
<context>
    <name>ResultPreviewDialog</name>
    <message>
        <source>This file cannot be shown as a PDF; it cannot be submitted.</source>
        <translation>Không hiển thị được tệp này như một tệp PDF; không trình ký được.</translation>
    </message>
</context>
<context>
    <name>ResultsController</name>
    <message>
        <source>Result document of {code}</source>
        <translation>Văn bản kết quả của {code}</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Result of {code}</source>
        <translation>Kết quả của {code}</translation>
    </message>
    <message>
        <source>Submit for signature</source>
        <translation>Trình ký</translation>
    </message>
    <message>
        <source>Check the result before it goes to the supervisor for signature.</source>
        <translation>Kiểm tra kết quả trước khi trình lãnh đạo ký.</translation>
    </message>
    <message>
        <source>{code}: result submitted for signature</source>
        <translation>{code}: đã trình ký kết quả</translation>
    </message>
    <message>
        <source>Sign the result of {code}</source>
        <translation>Ký kết quả của {code}</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>Ký</translation>
    </message>
    <message>
        <source>Your signature and stamp are added to the last page.</source>
        <translation>Chữ ký và dấu của anh/chị được thêm vào trang cuối.</translation>
    </message>
    <message>
        <source>result</source>
        <translation>văn bản kết quả</translation>
    </message>
    <message>
        <source>{code}: result signed</source>
        <translation>{code}: đã ký kết quả</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Set up Officer Desk</source>
        <translation>Cài đặt Officer Desk</translation>
    </message>
    <message>
        <source>Setting up the desk…</source>
        <translation>Đang cài đặt quầy…</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <source>{message} Wrong passwords in a row: {count}; the desk now waits {seconds} s before answering, longer after each wrong one.</source>
        <translation>{message} Số lần sai liên tiếp: {count}; quầy chờ {seconds} giây trước khi trả lời, mỗi lần sai sau lại chờ lâu hơn.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in — Officer Desk</source>
        <translation>Đăng nhập — Officer Desk</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Tên đăng nhập:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Mật khẩu:</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation>Hãy nhập tên đăng nhập và mật khẩu.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Đang kiểm tra…</translation>
    </message>
</context>
<context>
    <name>SigningController</name>
    <message>
        <source>{code}: the {what} is already being signed.</source>
        <translation>{code}: {what} đang được ký.</translation>
    </message>
    <message>
        <source>Signing the {what} of {code}…</source>
        <translation>Đang ký {what} của {code}…</translation>
    </message>
    <message>
        <source>The PIN or password just entered is wrong; nothing was signed. Enter it again.</source>
        <translation>Mã PIN hoặc mật khẩu vừa nhập không đúng; chưa ký gì. Hãy nhập lại.</translation>
    </message>
    <message>
        <source>{code}: nothing was signed</source>
        <translation>{code}: chưa ký gì</translation>
    </message>
</context>
<context>
    <name>OcrReviewWidget</name>
    <message>
        <source>Field</source>
        <translation>Trường</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Giá trị</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Độ tin cậy</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <source>Values read from the document</source>
        <translation>Các giá trị đọc được từ giấy tờ</translation>
    </message>
    <message>
        <source>Select a value to see where it was read; type to correct it.</source>
        <translation>Chọn một giá trị để xem vị trí máy đã đọc; gõ để sửa.</translation>
    </message>
    <message>
        <source>The machine is not sure of this value: please check it.</source>
        <translation>Máy đọc chưa chắc chắn giá trị này: vui lòng kiểm tra.</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>Số</translation>
    </message>
    <message>
        <source>Personal ID number</source>
        <translation>Số định danh cá nhân</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ, chữ đệm và tên</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <source>Place of origin</source>
        <translation>Quê quán</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Có giá trị đến</translation>
    </message>
    <message>
        <source>Date of issue</source>
        <translation>Ngày cấp</translation>
    </message>
    <message>
        <source>Place of birth registration</source>
        <translation>Nơi đăng ký khai sinh</translation>
    </message>
    <message>
        <source>Permanent residence</source>
        <translation>Nơi thường trú</translation>
    </message>
    <message>
        <source>Residence</source>
        <translation>Nơi cư trú</translation>
    </message>
    <message>
        <source>Mother's name</source>
        <translation>Họ tên mẹ</translation>
    </message>
    <message>
        <source>Father's name</source>
        <translation>Họ tên cha</translation>
    </message>
    <message>
        <source>Child's name</source>
        <translation>Họ tên trẻ</translation>
    </message>
    <message>
        <source>Place of birth</source>
        <translation>Nơi sinh</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <source>Read by machine</source>
        <translation>Máy đọc (OCR)</translation>
    </message>
    <message>
        <source>Corrected by officer</source>
        <translation>Cán bộ đã sửa</translation>
    </message>
    <message>
        <source>Card QR code</source>
        <translation>Mã QR trên thẻ</translation>
    </message>
    <message>
        <source>Typed</source>
        <translation>Nhập tay</translation>
    </message>
    <message>
        <source>Online portal</source>
        <translation>Cổng dịch vụ công</translation>
    </message>
    <message>
        <source>Page {page} of {total}</source>
        <translation>Trang {page}/{total}</translation>
    </message>
    <message>
        <source>No image</source>
        <translation>Không có ảnh</translation>
    </message>
</context>
<context>
    <name>OcrController</name>
    <message>
        <source>Looking for scanners…</source>
        <translation>Đang tìm máy quét…</translation>
    </message>
    <message>
        <source>Scanning on {scanner}…</source>
        <translation>Đang quét trên {scanner}…</translation>
    </message>
    <message>
        <source>Scan cancelled; nothing was attached.</source>
        <translation>Đã hủy lượt quét; không đính kèm gì.</translation>
    </message>
    <message>
        <source>Document attached and read; please check the values.</source>
        <translation>Đã đính kèm và đọc giấy tờ; vui lòng kiểm tra các giá trị.</translation>
    </message>
</context>
<context>
    <name>OcrReviewDialog</name>
    <message>
        <source>Check the values read from the document</source>
        <translation>Kiểm tra các giá trị đọc được từ giấy tờ</translation>
    </message>
    <message>
        <source>Read with OCR</source>
        <translation>Đọc bằng máy (OCR)</translation>
    </message>
    <message>
        <source>Reading the document…</source>
        <translation>Đang đọc giấy tờ…</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../officer_desk/ui/conflict_dialog.py" line="31" />
        <source>Sync conflict — {code}</source>
        <translation>Xung đột đồng bộ — {code}</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/conflict_dialog.py" line="36" />
        <source>Another desk used the same dossier code for a different citizen or procedure. Both dossiers are kept: this desk's dossier gets a new code.</source>
        <translation>Một quầy khác đã dùng cùng mã hồ sơ cho một công dân hoặc thủ tục khác. Cả hai hồ sơ được giữ lại: hồ sơ của quầy này được cấp mã mới.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/conflict_dialog.py" line="41" />
        <source>This desk and the server changed the same information. Choose which value to keep.</source>
        <translation>Quầy này và máy chủ đã sửa cùng một thông tin. Hãy chọn giá trị cần giữ.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/conflict_dialog.py" line="45" />
        <source>Information</source>
        <translation>Thông tin</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/conflict_dialog.py" line="45" />
        <source>On this desk</source>
        <translation>Trên quầy này</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/conflict_dialog.py" line="45" />
        <source>On the server</source>
        <translation>Trên máy chủ</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/conflict_dialog.py" line="45" />
        <source>Keep</source>
        <translation>Giữ</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/conflict_dialog.py" line="51" />
        <source>This desk's value</source>
        <translation>Giá trị của quầy này</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/conflict_dialog.py" line="52" />
        <source>The server's value</source>
        <translation>Giá trị trên máy chủ</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/conflict_dialog.py" line="63" />
        <source>Keep both (new code for this desk's dossier)</source>
        <translation>Giữ cả hai (cấp mã mới cho hồ sơ của quầy này)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/conflict_dialog.py" line="67" />
        <source>Keep this desk's version</source>
        <translation>Giữ bản của quầy này</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/conflict_dialog.py" line="70" />
        <source>Keep the server's version</source>
        <translation>Giữ bản trên máy chủ</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/conflict_dialog.py" line="73" />
        <source>Keep the values chosen per field</source>
        <translation>Giữ giá trị đã chọn cho từng thông tin</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/conflict_dialog.py" line="78" />
        <source>Decide later</source>
        <translation>Quyết định sau</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/conflict_dialog.py" line="91" />
        <source>The conflict could not be resolved; nothing was changed.</source>
        <translation>Chưa giải quyết được xung đột; không có gì bị thay đổi.</translation>
    </message>
</context>
<context>
    <name>LiveUpdates</name>
    <message>
        <location filename="../../officer_desk/ui/controllers/live_updates.py" line="43" />
        <source>Changed by {name} — reloaded.</source>
        <translation>Đã được {name} thay đổi — đã tải lại.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/live_updates.py" line="44" />
        <source>another desk</source>
        <translation>một quầy khác</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <location filename="../../officer_desk/ui/controllers/sync_controller.py" line="49" />
        <source>No sync server is configured for this desk (sync_url in the settings).</source>
        <translation>Quầy này chưa được cấu hình máy chủ đồng bộ (sync_url trong cấu hình).</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/sync_controller.py" line="64" />
        <source>The center's server is out of reach; changes wait in the outbox.</source>
        <translation>Không kết nối được máy chủ của trung tâm; các thay đổi vẫn chờ trong hàng đợi gửi.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/sync_controller.py" line="68" />
        <source>Synced. {n} dossier(s) in conflict wait for a supervisor.</source>
        <translation>Đã đồng bộ. {n} hồ sơ đang xung đột chờ lãnh đạo bộ phận quyết định.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/sync_controller.py" line="71" />
        <source>Synced: {sent} sent, {received} received.</source>
        <translation>Đã đồng bộ: gửi {sent}, nhận {received}.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/sync_controller.py" line="86" />
        <source>⚠ {days} days without sync (limit {limit}): connect to the center or send a USB bundle.</source>
        <translation>⚠ {days} ngày chưa đồng bộ (giới hạn {limit}): hãy kết nối với trung tâm hoặc gửi gói dữ liệu bằng USB.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/sync_controller.py" line="1" />
        <source>USB bundle</source>
        <translation>Gói dữ liệu USB</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/sync_controller.py" line="1" />
        <source>No center or desk is trusted on this desk yet. The administrator first trusts the identity of the place that will receive the bundle.</source>
        <translation>Quầy này chưa tin cậy trung tâm hay quầy nào. Quản trị viên cần tin cậy định danh của nơi sẽ nhận gói dữ liệu trước.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/sync_controller.py" line="1" />
        <source>Who will receive the bundle?</source>
        <translation>Ai sẽ nhận gói dữ liệu?</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/sync_controller.py" line="1" />
        <source>Save the USB bundle</source>
        <translation>Lưu gói dữ liệu USB</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/sync_controller.py" line="1" />
        <source>Officer Desk bundle (*.odb)</source>
        <translation>Gói dữ liệu Officer Desk (*.odb)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/sync_controller.py" line="1" />
        <source>Writing the bundle…</source>
        <translation>Đang ghi gói dữ liệu…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/sync_controller.py" line="1" />
        <source>Bundle written: {n} dossier(s) in {file}. Carry it to the center.</source>
        <translation>Đã ghi gói dữ liệu: {n} hồ sơ trong {file}. Hãy mang tệp này lên trung tâm.</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../officer_desk/ui/sync_page.py" line="32" />
        <source>Sync</source>
        <translation>Đồng bộ</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/sync_page.py" line="41" />
        <source>Dossier</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/sync_page.py" line="41" />
        <source>State</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/sync_page.py" line="41" />
        <source>Why</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/sync_page.py" line="47" />
        <source>Sync now</source>
        <translation>Đồng bộ ngay</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/sync_page.py" line="52" />
        <source>Resolve conflict…</source>
        <translation>Giải quyết xung đột…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/sync_page.py" line="55" />
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/sync_page.py" line="75" />
        <source>This desk has never synced.</source>
        <translation>Quầy này chưa đồng bộ lần nào.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/sync_page.py" line="77" />
        <source>Last sync: {days} day(s) ago.</source>
        <translation>Lần đồng bộ gần nhất: {days} ngày trước.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/sync_page.py" line="79" />
        <source>More than {limit} days without sync: connect to the center or send a USB bundle.</source>
        <translation>Quá {limit} ngày chưa đồng bộ: hãy kết nối với trung tâm hoặc gửi gói dữ liệu bằng USB.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/sync_page.py" line="89" />
        <source>A supervisor resolves sync conflicts.</source>
        <translation>Lãnh đạo bộ phận giải quyết xung đột đồng bộ.</translation>
    </message>
</context>
<context>
    <name>AlertsBar</name>
    <message>
        <source>Due today: {count} dossiers — show them</source>
        <translation>Đến hạn hôm nay: {count} hồ sơ — xem ngay</translation>
    </message>
    <message>
        <source>The due date has passed: issue an apology with a new appointment (Mẫu 05) or finish them first</source>
        <translation>Đã quá hạn trả kết quả: lập phiếu xin lỗi và hẹn lại ngày trả (Mẫu 05) hoặc ưu tiên giải quyết</translation>
    </message>
    <message>
        <source>Overdue: {count} dossiers — show them</source>
        <translation>Quá hạn: {count} hồ sơ — xem ngay</translation>
    </message>
</context>
<context>
    <name>ApologyDialog</name>
    <message>
        <source>Issue the apology</source>
        <translation>Lập phiếu xin lỗi</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Lý do:</translation>
    </message>
    <message>
        <source>Why is the result late? (printed for the citizen)</source>
        <translation>Vì sao chậm trả kết quả? (in trên phiếu gửi công dân)</translation>
    </message>
    <message>
        <source>New &amp;appointment:</source>
        <translation>Ngày &amp;hẹn trả mới:</translation>
    </message>
    <message>
        <source>The result was due on {due}. The citizen receives a signed apology with the new date; the dossier's due date becomes that date.</source>
        <translation>Hạn trả kết quả là {due}. Công dân nhận phiếu xin lỗi có ký số với ngày hẹn mới; hạn giải quyết của hồ sơ chuyển sang ngày đó.</translation>
    </message>
    <message>
        <source>Apology and new appointment — {code}</source>
        <translation>Xin lỗi và hẹn lại ngày trả — {code}</translation>
    </message>
</context>
<context>
    <name>CasePanel</name>
    <message>
        <source>Issued documents ({count})</source>
        <translation>Phiếu đã lập ({count})</translation>
    </message>
</context>
<context>
    <name>Documents</name>
    <message>
        <source>Document</source>
        <translation>Giấy tờ</translation>
    </message>
    <message>
        <source>Requirements checklist</source>
        <translation>Phiếu hướng dẫn thành phần hồ sơ</translation>
    </message>
    <message>
        <source>Processing control sheet</source>
        <translation>Phiếu kiểm soát quá trình giải quyết hồ sơ</translation>
    </message>
    <message>
        <source>Result return slip</source>
        <translation>Phiếu trả kết quả</translation>
    </message>
    <message>
        <source>Apology and new appointment</source>
        <translation>Phiếu xin lỗi và hẹn lại ngày trả kết quả</translation>
    </message>
    <message>
        <source>Refusal notice</source>
        <translation>Phiếu từ chối tiếp nhận hồ sơ</translation>
    </message>
    <message>
        <source>Supplement request</source>
        <translation>Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ</translation>
    </message>
    <message>
        <source>Receipt and appointment</source>
        <translation>Giấy tiếp nhận hồ sơ và hẹn trả kết quả</translation>
    </message>
</context>
<context>
    <name>DocumentsPanel</name>
    <message>
        <source>signed</source>
        <translation>đã ký số</translation>
    </message>
    <message>
        <source>signed, timestamp pending</source>
        <translation>đã ký số, chờ dấu thời gian</translation>
    </message>
    <message>
        <source>issued, not printed</source>
        <translation>đã lập, chưa in</translation>
    </message>
    <message>
        <source>saved as PDF</source>
        <translation>đã lưu PDF</translation>
    </message>
    <message>
        <source>printed</source>
        <translation>đã in</translation>
    </message>
    <message>
        <source>reprint</source>
        <translation>bản in lại</translation>
    </message>
    <message>
        <source>No document has been issued for this case yet.</source>
        <translation>Hồ sơ chưa có phiếu nào được lập.</translation>
    </message>
    <message>
        <source>Enter or double-click opens a document to print it again or save it.</source>
        <translation>Nhấn Enter hoặc bấm đúp để mở phiếu, in lại hoặc lưu PDF.</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Issued at</source>
        <translation>Thời điểm lập</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>Người ký</translation>
    </message>
    <message>
        <source>Register no.</source>
        <translation>Số vào sổ</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Giấy tờ</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>Lưu PDF</translation>
    </message>
    <message>
        <source>Sending to the printer…</source>
        <translation>Đang gửi tới máy in…</translation>
    </message>
    <message>
        <source>no printer is set up on this computer (Settings › Printer)</source>
        <translation>máy tính này chưa cài máy in (Cài đặt › Máy in)</translation>
    </message>
    <message>
        <source>Reprint: the paper is marked “Bản in lại”.</source>
        <translation>In lại: bản in có ghi “Bản in lại”.</translation>
    </message>
    <message>
        <source>Issued and signed, not printed yet.</source>
        <translation>Đã lập và ký số, chưa in.</translation>
    </message>
    <message>
        <source>&amp;Save as PDF… (Ctrl+S)</source>
        <translation>&amp;Lưu PDF… (Ctrl+S)</translation>
    </message>
    <message>
        <source>&amp;Print (Ctrl+P)</source>
        <translation>&amp;In (Ctrl+P)</translation>
    </message>
    <message>
        <source>{what} — {code}</source>
        <translation>{what} — {code}</translation>
    </message>
</context>
<context>
    <name>PrinterProblemDialog</name>
    <message>
        <source>Later</source>
        <translation>Để sau</translation>
    </message>
    <message>
        <source>It is signed and kept with the case as “issued, not printed” until it is printed or saved. Check the printer (paper, power, cable) and press Retry, or choose a printer in Settings › Printer.</source>
        <translation>Phiếu đã ký số và được lưu cùng hồ sơ ở trạng thái “đã lập, chưa in” cho đến khi in hoặc lưu PDF. Hãy kiểm tra máy in (giấy, nguồn, cáp) rồi bấm Thử lại, hoặc chọn máy in trong Cài đặt › Máy in.</translation>
    </message>
    <message>
        <source>The {what} was not printed: {reason}</source>
        <translation>Chưa in được {what}: {reason}</translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation>Chưa in được</translation>
    </message>
</context>
<context>
    <name>RegisterPanel</name>
    <message>
        <location filename="../../officer_desk/ui/register_view.py" line="1" />
        <source>&amp;Received from:</source>
        <translation>&amp;Nhận từ ngày:</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/register_view.py" line="1" />
        <source>&amp;Show the book</source>
        <translation>&amp;Xem sổ</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/register_view.py" line="1" />
        <source>Processing &amp;control sheet</source>
        <translation>Phiếu &amp;kiểm soát quá trình</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/register_view.py" line="1" />
        <source>The control sheet of the selected dossier (or double-click a row)</source>
        <translation>Phiếu kiểm soát quá trình giải quyết của hồ sơ đang chọn (hoặc nhấp đúp vào một dòng)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/register_view.py" line="1" />
        <source>The first day is after the last day: choose the period again.</source>
        <translation>Ngày đầu sau ngày cuối: hãy chọn lại kỳ.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/register_view.py" line="1" />
        <source>Reading the book…</source>
        <translation>Đang đọc sổ…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/register_view.py" line="1" />
        <source>The book could not be read: {reason}</source>
        <translation>Không đọc được sổ: {reason}</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/register_view.py" line="1" />
        <source>{period}: the first {n} dossiers are shown; choose a shorter period to see the rest.</source>
        <translation>{period}: hiển thị {n} hồ sơ đầu tiên; chọn kỳ ngắn hơn để xem các hồ sơ còn lại.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/register_view.py" line="1" />
        <source>{period}: {n} dossiers. Double-click a row for its processing control sheet.</source>
        <translation>{period}: {n} hồ sơ. Nhấp đúp vào một dòng để xem phiếu kiểm soát quá trình giải quyết hồ sơ.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/register_view.py" line="1" />
        <source>Register book</source>
        <translation>Sổ theo dõi hồ sơ</translation>
    </message>
</context>
<context>
    <name>ScannerChoiceDialog</name>
    <message>
        <source>Scan from scanner</source>
        <translation>Quét từ máy quét</translation>
    </message>
    <message>
        <source>Scanner:</source>
        <translation>Máy quét:</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>Quét</translation>
    </message>
</context>
<context>
    <name>QueuePreview</name>
    <message>
        <location filename="../../officer_desk/ui/queue_preview.py" line="99" />
        <source>Opening the desk…</source>
        <translation>Đang mở quầy…</translation>
    </message>
</context>
</TS>
