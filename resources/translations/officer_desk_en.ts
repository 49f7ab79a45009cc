<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>App</name>
    <message>
        <location filename="../../officer_desk/ui/app.py" line="142" />
        <source>Opening the database…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/app.py" line="120" />
        <source>Updating the database for this version of Officer Desk (once; a large desk can take several minutes)…</source>
        <translation>Updating the database for this version of Officer Desk (once; a large desk can take several minutes)…</translation>
    </message>
</context>
<context>
    <name>AssignDialog</name>
    <message>
        <location filename="../../officer_desk/ui/assign_dialog.py" line="47" />
        <source>Assign {code}</source>
        <translation>Assign {code}</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/assign_dialog.py" line="50" />
        <source>&amp;Find an officer:</source>
        <translation>&amp;Find an officer:</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/assign_dialog.py" line="55" />
        <source>Name or user name</source>
        <translation>Name or user name</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/assign_dialog.py" line="62" />
        <source>Loading officers…</source>
        <translation>Loading officers…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/assign_dialog.py" line="71" />
        <source>Reason (required)</source>
        <translation>Reason (required)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/assign_dialog.py" line="73" />
        <source>{code} is assigned to {holder}. &amp;Why is it taken over?</source>
        <translation>{code} is assigned to {holder}. &amp;Why is it taken over?</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/assign_dialog.py" line="90" />
        <source>Assign</source>
        <translation>Assign</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/assign_dialog.py" line="114" />
        <source>No other active officer.</source>
        <translation>No other active officer.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/assign_dialog.py" line="119" />
        <source>The list of officers could not be loaded.</source>
        <translation>The list of officers could not be loaded.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/assign_dialog.py" line="177" />
        <source>Choose the officer to assign the case to.</source>
        <translation>Choose the officer to assign the case to.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/assign_dialog.py" line="180" />
        <source>{holder} holds this case: write why it is taken over.</source>
        <translation>{holder} holds this case: write why it is taken over.</translation>
    </message>
</context>
<context>
    <name>AssistantPanel</name>
    <message>
        <source>The papers to bring, processing time and fee, on paper</source>
        <translation>The papers to bring, processing time and fee, on paper</translation>
    </message>
    <message>
        <source>Print the checklist for the citizen</source>
        <translation>Print the checklist for the citizen</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/assistant_panel.py" line="61" />
        <source>Procedure assistant</source>
        <translation>Procedure assistant</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/assistant_panel.py" line="75" />
        <source>Citizen's question…</source>
        <translation>Citizen's question…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/assistant_panel.py" line="76" />
        <source>For example: what is needed to register a birth</source>
        <translation>For example: what is needed to register a birth</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/assistant_panel.py" line="95" />
        <source>New dossier for this procedure</source>
        <translation>New dossier for this procedure</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/assistant_panel.py" line="125" />
        <source>Searching…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/assistant_panel.py" line="155" />
        <source>Type the citizen's question, with or without diacritics.</source>
        <translation>Type the citizen's question, with or without diacritics.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/assistant_panel.py" line="157" />
        <source>No matching procedure found.</source>
        <translation>No matching procedure found.</translation>
    </message>
    <message>
        <source>Not in this desk's catalogue — ask at the counter.</source>
        <translation>Not in this desk's catalogue — ask at the counter.</translation>
    </message>
    <message>
        <source>Key condition</source>
        <translation>Key condition</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/assistant_panel.py" line="159" />
        <source>{count} matching procedure(s), best first.</source>
        <translation>{count} matching procedure(s), best first.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/assistant_panel.py" line="174" />
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/assistant_panel.py" line="174" />
        <source>Processing time</source>
        <translation>Processing time</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/assistant_panel.py" line="174" />
        <source>Fee</source>
        <translation>Fee</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/assistant_panel.py" line="175" />
        <source>Required documents</source>
        <translation>Required documents</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/assistant_panel.py" line="175" />
        <source>Matched passage</source>
        <translation>Matched passage</translation>
    </message>
</context>
<context>
    <name>AttachmentPreview</name>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="87" />
        <source>Select a document to preview its scan.</source>
        <translation>Select a document to preview its scan.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="99" />
        <source>This file cannot be previewed ({type}).</source>
        <translation>This file cannot be previewed ({type}).</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="140" />
        <source>The PDF cannot be opened (damaged or protected).</source>
        <translation>The PDF cannot be opened (damaged or protected).</translation>
    </message>
</context>
<context>
    <name>CaseActionsController</name>
    <message>
        <source>What did you check, and why is the hint wrong (e.g. “original ID card seen at the counter”)? Your name and the reason are kept with the case.</source>
        <translation>What did you check, and why is the hint wrong (e.g. “original ID card seen at the counter”)? Your name and the reason are kept with the case.</translation>
    </message>
    <message>
        <source>The hint is wrong</source>
        <translation>The hint is wrong</translation>
    </message>
    <message>
        <source>Cannot accept</source>
        <translation>Cannot accept</translation>
    </message>
    <message>
        <source>This dossier still has {open} error hints not yet decided. For each one, confirm the defect (then request a supplement with F3) or mark the hint as wrong, with a reason.</source>
        <translation>This dossier still has {open} error hints not yet decided. For each one, confirm the defect (then request a supplement with F3) or mark the hint as wrong, with a reason.</translation>
    </message>
    <message>
        <source>This dossier has {confirmed} confirmed defects and {open} error hints not yet decided. A dossier with a confirmed defect cannot be accepted: request a supplement (F3) or refuse it (F4).</source>
        <translation>This dossier has {confirmed} confirmed defects and {open} error hints not yet decided. A dossier with a confirmed defect cannot be accepted: request a supplement (F3) or refuse it (F4).</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/case_actions.py" line="46" />
        <source>Cannot accept yet</source>
        <translation>Cannot accept yet</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/case_actions.py" line="196" />
        <source>Dismiss hint</source>
        <translation>Dismiss hint</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/case_actions.py" line="193" />
        <source>Hint updated</source>
        <translation>Hint updated</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/case_actions.py" line="128" />
        <source>Refuse {code}</source>
        <translation>Refuse {code}</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/case_actions.py" line="154" />
        <source>Take over {code}</source>
        <translation>Take over {code}</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/case_actions.py" line="47" />
        <source>This dossier still has {count} open error hints. Request a supplement (F3), or dismiss the hints that do not apply (with a reason) before accepting.</source>
        <translation>This dossier still has {count} open error hints. Request a supplement (F3), or dismiss the hints that do not apply (with a reason) before accepting.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/case_actions.py" line="138" />
        <source>Why does the applicant withdraw the dossier?</source>
        <translation>Why does the applicant withdraw the dossier?</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/case_actions.py" line="196" />
        <source>Why does this hint not apply? Your name and the reason are kept with the case.</source>
        <translation>Why does this hint not apply? Your name and the reason are kept with the case.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/case_actions.py" line="129" />
        <source>Why is the dossier refused? The reason is printed on the refusal notice.</source>
        <translation>Why is the dossier refused? The reason is printed on the refusal notice.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/case_actions.py" line="137" />
        <source>Withdraw {code}</source>
        <translation>Withdraw {code}</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/case_actions.py" line="59" />
        <source>receipt</source>
        <translation>receipt</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/case_actions.py" line="155" />
        <source>{code} is assigned to {holder}. Why do you take it over?</source>
        <translation>{code} is assigned to {holder}. Why do you take it over?</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/case_actions.py" line="57" />
        <source>{code}: accepted</source>
        <translation>{code}: accepted</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/case_actions.py" line="151" />
        <source>{code}: assigned to you</source>
        <translation>{code}: assigned to you</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/case_actions.py" line="176" />
        <source>{code}: assigned to {officer}</source>
        <translation>{code}: assigned to {officer}</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/case_actions.py" line="187" />
        <source>{code}: released</source>
        <translation>{code}: released</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/case_actions.py" line="206" />
        <source>{code}: screened again</source>
        <translation>{code}: screened again</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/case_actions.py" line="109" />
        <source>{code}: {action} — done</source>
        <translation>{code}: {action} — done</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/case_actions.py" line="37" />
        <source>{code}: {action} — now “{status}”</source>
        <translation>{code}: {action} — now “{status}”</translation>
    </message>
    <message>
        <source>{code}: already accepted; the receipt was issued before (Ctrl+P prints it again)</source>
        <translation>{code}: already accepted; the receipt was issued before (Ctrl+P prints it again)</translation>
    </message>
    <message>
        <source>{code}: supplement requested</source>
        <translation>{code}: supplement requested</translation>
    </message>
</context>
<context>
    <name>CaseQueueModel</name>
    <message>
        <location filename="../../officer_desk/ui/queue_model.py" line="58" />
        <source>Dossier code</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/queue_model.py" line="59" />
        <source>Applicant</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/queue_model.py" line="60" />
        <source>Procedure</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/queue_model.py" line="61" />
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/queue_model.py" line="62" />
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/queue_model.py" line="63" />
        <source>Due</source>
        <translation>Due</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/queue_model.py" line="64" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/queue_model.py" line="65" />
        <source>Officer</source>
        <translation>Officer</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/queue_model.py" line="66" />
        <source>Hints</source>
        <translation>Hints</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/queue_model.py" line="369" />
        <source>Click to sort by this column</source>
        <translation>Click to sort by this column</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/queue_model.py" line="441" />
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/queue_model.py" line="443" />
        <source>Due within one working day</source>
        <translation>Due within one working day</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/queue_model.py" line="445" />
        <source>{count} open hints; worst: {severity}</source>
        <translation>{count} open hints; worst: {severity}</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <source>Scan from scanner</source>
        <translation>Scan from scanner</translation>
    </message>
    <message>
        <source>Scan a page on the scanner connected to this computer and attach it to the case (it is read and stored encrypted).</source>
        <translation>Scan a page on the scanner connected to this computer and attach it to the case (it is read and stored encrypted).</translation>
    </message>
    <message>
        <source>Issued documents</source>
        <translation>Issued documents</translation>
    </message>
    <message>
        <source>Double-click or press Enter to check the values read from a document; drop a photo or scan here to attach it.</source>
        <translation>Double-click or press Enter to check the values read from a document; drop a photo or scan here to attach it.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="184" />
        <source>Applicant &amp;&amp; declaration</source>
        <translation>Applicant &amp;&amp; declaration</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="192" />
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="192" />
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="192" />
        <source>Qty</source>
        <translation>Qty</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="192" />
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="200" />
        <location filename="../../officer_desk/ui/case_view.py" line="242" />
        <source>Documents</source>
        <translation>Documents</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="206" />
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="206" />
        <source>Officer</source>
        <translation>Officer</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="206" />
        <source>Event</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="206" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="207" />
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="209" />
        <source>Timeline</source>
        <translation>Timeline</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="238" />
        <source>Select a document to preview its scan.</source>
        <translation>Select a document to preview its scan.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="240" />
        <source>&lt;span style='color:#757575'&gt;No case selected. Choose a case in the queue (arrow keys, Enter) or scan a dossier code.&lt;/span&gt;</source>
        <translation>&lt;span style='color:#757575'&gt;No case selected. Choose a case in the queue (arrow keys, Enter) or scan a dossier code.&lt;/span&gt;</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="255" />
        <source>Received {received} · due {due} · {channel} · officer: {officer}</source>
        <translation>Received {received} · due {due} · {channel} · officer: {officer}</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="257" />
        <source>unassigned</source>
        <translation>unassigned</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="261" />
        <source>fee {fee} VND</source>
        <translation>fee {fee} VND</translation>
    </message>
    <message>
        <source>fee: {basis}</source>
        <translation>fee: {basis}</translation>
    </message>
    <message>
        <source>Procedure information awaiting confirmation: {note}</source>
        <translation>Procedure information awaiting confirmation: {note}</translation>
    </message>
    <message>
        <source>check the current legal text</source>
        <translation>check the current legal text</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="263" />
        <source>receipt issued {at}</source>
        <translation>receipt issued {at}</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="287" />
        <source>Full name</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="288" />
        <source>Date of birth</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="289" />
        <source>Sex</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="290" />
        <source>ID type</source>
        <translation>ID type</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="291" />
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="292" />
        <source>ID valid until</source>
        <translation>ID valid until</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="293" />
        <source>Birth registered in</source>
        <translation>Birth registered in</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="294" />
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="295" />
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="296" />
        <source>Address</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="298" />
        <source>Applicant</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="298" />
        <source>Co-applicant</source>
        <translation>Co-applicant</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="310" />
        <source>Declaration</source>
        <translation>Declaration</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="329" />
        <source>Citizen ID card</source>
        <translation>Citizen ID card</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="330" />
        <source>Old ID card (CMND)</source>
        <translation>Old ID card (CMND)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="331" />
        <source>Passport</source>
        <translation>Passport</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="345" />
        <source>(shown)</source>
        <translation>(shown)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="357" />
        <source>Documents ({count})</source>
        <translation>Documents ({count})</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="379" />
        <source>Shown at the counter; no scan is kept.</source>
        <translation>Shown at the counter; no scan is kept.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="381" />
        <source>No scan attached for this document.</source>
        <translation>No scan attached for this document.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/case_view.py" line="383" />
        <source>Loading…</source>
        <translation>Loading…</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <location filename="../../officer_desk/ui/controllers/base.py" line="33" />
        <source>Select a case first.</source>
        <translation>Select a case first.</translation>
    </message>
</context>
<context>
    <name>DeskStatus</name>
    <message>
        <location filename="../../officer_desk/ui/panels/status_bar.py" line="52" />
        <source>Database: local file</source>
        <translation>Database: local file</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/panels/status_bar.py" line="54" />
        <source>Database: server</source>
        <translation>Database: server</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/panels/status_bar.py" line="49" />
        <source>Officer: {name}</source>
        <translation>Officer: {name}</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/panels/status_bar.py" line="79" />
        <source>Outbox: {count} pending</source>
        <translation>Outbox: {count} pending</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/panels/status_bar.py" line="94" />
        <source>PC clock</source>
        <translation>PC clock</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/panels/status_bar.py" line="92" />
        <source>The PC clock looks right.</source>
        <translation>The PC clock looks right.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/panels/status_bar.py" line="95" />
        <source>The newest stored event ({newest}) is later than this PC's clock ({now}). Check the system time. Confirm only if the clock is right.</source>
        <translation>The newest stored event ({newest}) is later than this PC's clock ({now}). Check the system time. Confirm only if the clock is right.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/panels/status_bar.py" line="75" />
        <source>● Database error</source>
        <translation>● Database error</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/panels/status_bar.py" line="77" />
        <source>● Offline</source>
        <translation>● Offline</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/panels/status_bar.py" line="75" />
        <source>● Offline-capable (local)</source>
        <translation>● Offline-capable (local)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/panels/status_bar.py" line="77" />
        <source>● Online</source>
        <translation>● Online</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/panels/status_bar.py" line="82" />
        <source>⚠ PC clock is behind the data ({newest}) — confirm…</source>
        <translation>⚠ PC clock is behind the data ({newest}) — confirm…</translation>
    </message>
</context>
<context>
    <name>DocumentsController</name>
    <message>
        <source>no printer is set up on this computer (Settings › Printer)</source>
        <translation>no printer is set up on this computer (Settings › Printer)</translation>
    </message>
    <message>
        <source>{code}: apology issued, new appointment {date}</source>
        <translation>{code}: apology issued, new appointment {date}</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/documents.py" line="37" />
        <source>No printer is set up: the signed {what} is kept with the case (Ctrl+P prints or saves it).</source>
        <translation>No printer is set up: the signed {what} is kept with the case (Ctrl+P prints or saves it).</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/documents.py" line="46" />
        <source>Not printed</source>
        <translation>Not printed</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/documents.py" line="62" />
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/documents.py" line="62" />
        <source>Save PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/documents.py" line="66" />
        <source>Saved {file}</source>
        <translation>Saved {file}</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/documents.py" line="47" />
        <source>The {what} is signed and kept with the case, but it was not printed: {reason}</source>
        <translation>The {what} is signed and kept with the case, but it was not printed: {reason}</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/documents.py" line="43" />
        <source>The {what} was sent to the printer {printer}.</source>
        <translation>The {what} was sent to the printer {printer}.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/documents.py" line="22" />
        <source>This case has no receipt yet.</source>
        <translation>This case has no receipt yet.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/documents.py" line="27" />
        <source>receipt</source>
        <translation>receipt</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>the desk's Settings</source>
        <translation>the desk's Settings</translation>
    </message>
    <message>
        <source>“File › Generate demo data”</source>
        <translation>“File › Generate demo data”</translation>
    </message>
    <message>
        <source>“Tools › Verify a signed document” (trusted roots)</source>
        <translation>“Tools › Verify a signed document” (trusted roots)</translation>
    </message>
    <message>
        <source>“Settings › Signing &amp; printing”</source>
        <translation>“Settings › Signing &amp; printing”</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dialogs.py" line="36" />
        <source>The file could not be read or written: {reason}</source>
        <translation>The file could not be read or written: {reason}</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dialogs.py" line="40" />
        <source>Something went wrong and the operation was not completed. Nothing was saved half-way; you can try again. If it keeps happening, send the details below to your IT support.</source>
        <translation>Something went wrong and the operation was not completed. Nothing was saved half-way; you can try again. If it keeps happening, send the details below to your IT support.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dialogs.py" line="55" />
        <source>Officer Desk</source>
        <translation>Officer Desk</translation>
    </message>
</context>
<context>
    <name>HintCard</name>
    <message>
        <source>Undo decision</source>
        <translation>Undo decision</translation>
    </message>
    <message>
        <source>You checked the original and the hint is wrong: it no longer blocks acceptance (a reason is required)</source>
        <translation>You checked the original and the hint is wrong: it no longer blocks acceptance (a reason is required)</translation>
    </message>
    <message>
        <source>Hint is wrong…</source>
        <translation>Hint is wrong…</translation>
    </message>
    <message>
        <source>The dossier really has this defect: it is listed in the supplement request or the refusal, and the dossier cannot be accepted</source>
        <translation>The dossier really has this defect: it is listed in the supplement request or the refusal, and the dossier cannot be accepted</translation>
    </message>
    <message>
        <source>Confirm defect</source>
        <translation>Confirm defect</translation>
    </message>
    <message>
        <source>Confirmed by {officer} on {at}: listed in the supplement request</source>
        <translation>Confirmed by {officer} on {at}: listed in the supplement request</translation>
    </message>
    <message>
        <source>Defect confirmed by {officer} on {at}: it goes into the supplement request or the refusal; the dossier cannot be accepted</source>
        <translation>Defect confirmed by {officer} on {at}: it goes into the supplement request or the refusal; the dossier cannot be accepted</translation>
    </message>
    <message>
        <source>Hint overridden (checked: the hint is wrong) by {officer} on {at}: {reason}</source>
        <translation>Hint overridden (checked: the hint is wrong) by {officer} on {at}: {reason}</translation>
    </message>
    <message>
        <source>Support code: {code}</source>
        <translation>Support code: {code}</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/hints_panel.py" line="75" />
        <source>&lt;i&gt;Evidence:&lt;/i&gt; {text}</source>
        <translation>&lt;i&gt;Evidence:&lt;/i&gt; {text}</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/hints_panel.py" line="80" />
        <source>&lt;i&gt;Suggested action:&lt;/i&gt; {text}</source>
        <translation>&lt;i&gt;Suggested action:&lt;/i&gt; {text}</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/hints_panel.py" line="86" />
        <source>Dismissed by {officer} on {at}: {reason}</source>
        <translation>Dismissed by {officer} on {at}: {reason}</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/hints_panel.py" line="88" />
        <source>Accepted by {officer} on {at}</source>
        <translation>Accepted by {officer} on {at}</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/hints_panel.py" line="99" />
        <source>Accept</source>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/hints_panel.py" line="100" />
        <source>Agree with this hint (it will be listed when requesting a supplement)</source>
        <translation>Agree with this hint (it will be listed when requesting a supplement)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/hints_panel.py" line="101" />
        <source>Dismiss…</source>
        <translation>Dismiss…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/hints_panel.py" line="102" />
        <source>The hint does not apply; a reason is required</source>
        <translation>The hint does not apply; a reason is required</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/hints_panel.py" line="103" />
        <source>Reopen</source>
        <translation>Reopen</translation>
    </message>
</context>
<context>
    <name>HintsPanel</name>
    <message>
        <source>&lt;b&gt;Screening hints&lt;/b&gt; — {open} to decide of {total}</source>
        <translation>&lt;b&gt;Screening hints&lt;/b&gt; — {open} to decide of {total}</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/hints_panel.py" line="144" />
        <source>Screen again</source>
        <translation>Screen again</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/hints_panel.py" line="175" />
        <source>&lt;b&gt;Screening hints&lt;/b&gt;</source>
        <translation>&lt;b&gt;Screening hints&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/hints_panel.py" line="176" />
        <source>Select a case to see its screening hints.</source>
        <translation>Select a case to see its screening hints.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/hints_panel.py" line="181" />
        <source>&lt;b&gt;Screening hints&lt;/b&gt; — {open} open of {total}</source>
        <translation>&lt;b&gt;Screening hints&lt;/b&gt; — {open} open of {total}</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/hints_panel.py" line="198" />
        <source>No hints: the screening found nothing to check.</source>
        <translation>No hints: the screening found nothing to check.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/hints_panel.py" line="200" />
        <source>No hints stored for this case.</source>
        <translation>No hints stored for this case.</translation>
    </message>
</context>
<context>
    <name>IntakeController</name>
    <message>
        <source>Demo generation cancelled: {count} of {requested} dossiers were kept; no more were added.</source>
        <translation>Demo generation cancelled: {count} of {requested} dossiers were kept; no more were added.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/intake.py" line="37" />
        <source>Another long operation is still running.</source>
        <translation>Another long operation is still running.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/intake.py" line="82" />
        <source>Demo data</source>
        <translation>Demo data</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/intake.py" line="91" />
        <source>Generating demo data…</source>
        <translation>Generating demo data…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/intake.py" line="83" />
        <source>How many synthetic dossiers? (demo mode is refused on a database with real cases)</source>
        <translation>How many synthetic dossiers? (demo mode is refused on a database with real cases)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/intake.py" line="52" />
        <source>Import dossiers from a folder</source>
        <translation>Import dossiers from a folder</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/intake.py" line="61" />
        <source>Import finished</source>
        <translation>Import finished</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/intake.py" line="57" />
        <source>Imported {imported}, skipped {skipped}, failed {failed}.</source>
        <translation>Imported {imported}, skipped {skipped}, failed {failed}.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/intake.py" line="68" />
        <source>Importing dossiers…</source>
        <translation>Importing dossiers…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/intake.py" line="76" />
        <source>Screening open cases…</source>
        <translation>Screening open cases…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/intake.py" line="78" />
        <source>{count} cases screened</source>
        <translation>{count} cases screened</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/intake.py" line="94" />
        <source>{count} demo dossiers created</source>
        <translation>{count} demo dossiers created</translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <source>A date of birth cannot be in the future</source>
        <translation>A date of birth cannot be in the future</translation>
    </message>
    <message>
        <source>Enter a date as dd/mm/yyyy, or only the year (e.g. 1975)</source>
        <translation>Enter a date as dd/mm/yyyy, or only the year (e.g. 1975)</translation>
    </message>
    <message>
        <source>The unsaved dossier was restored; check it and save with Ctrl+Enter.</source>
        <translation>The unsaved dossier was restored; check it and save with Ctrl+Enter.</translation>
    </message>
    <message>
        <source>no procedure chosen</source>
        <translation>no procedure chosen</translation>
    </message>
    <message>
        <source>A dossier that was not saved was kept: {name}, {procedure} ({when}).</source>
        <translation>A dossier that was not saved was kept: {name}, {procedure} ({when}).</translation>
    </message>
    <message>
        <source>(no name yet)</source>
        <translation>(no name yet)</translation>
    </message>
    <message>
        <source>Discard it</source>
        <translation>Discard it</translation>
    </message>
    <message>
        <source>&amp;Restore it</source>
        <translation>&amp;Restore it</translation>
    </message>
    <message>
        <source>The draft could not be kept on disk: {reason}</source>
        <translation>The draft could not be kept on disk: {reason}</translation>
    </message>
    <message>
        <source>Close without saving</source>
        <translation>Close without saving</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Keep editing</translation>
    </message>
    <message>
        <source>The dossier has not been saved. Close it anyway? What you entered is kept as a draft and offered the next time you open a new dossier.</source>
        <translation>The dossier has not been saved. Close it anyway? What you entered is kept as a draft and offered the next time you open a new dossier.</translation>
    </message>
    <message>
        <source>Close the new dossier?</source>
        <translation>Close the new dossier?</translation>
    </message>
    <message>
        <source>Create the case and screen it (Ctrl+Enter or Ctrl+S)</source>
        <translation>Create the case and screen it (Ctrl+Enter or Ctrl+S)</translation>
    </message>
    <message>
        <source>Save and screen (Ctrl+Enter)</source>
        <translation>Save and screen (Ctrl+Enter)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="294" />
        <source>New dossier</source>
        <translation>New dossier</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="331" />
        <source>&amp;Documents handed in (tick what is present; drop scans on a row):</source>
        <translation>&amp;Documents handed in (tick what is present; drop scans on a row):</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="336" />
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="336" />
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="336" />
        <source>Qty</source>
        <translation>Qty</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="336" />
        <source>Scan</source>
        <translation>Scan</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="343" />
        <source>&amp;Attach scan…</source>
        <translation>&amp;Attach scan…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="344" />
        <source>Attach a scan (PDF or image) to the selected document (Ctrl+O)</source>
        <translation>Attach a scan (PDF or image) to the selected document (Ctrl+O)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="346" />
        <source>Remove scan</source>
        <translation>Remove scan</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="364" />
        <source>Save and screen</source>
        <translation>Save and screen</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="365" />
        <source>Create the case and screen it (Ctrl+S)</source>
        <translation>Create the case and screen it (Ctrl+S)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="393" />
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="395" />
        <source>12 digits</source>
        <translation>12 digits</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="397" />
        <source>e.g. 0912 345 678</source>
        <translation>e.g. 0912 345 678</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="425" />
        <source>Applicant</source>
        <translation>Applicant</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="430" />
        <source>Scan the QR on the citizen ID card here (or in any field)</source>
        <translation>Scan the QR on the citizen ID card here (or in any field)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="432" />
        <source>ID card &amp;QR:</source>
        <translation>ID card &amp;QR:</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="435" />
        <source>&amp;Full name</source>
        <translation>&amp;Full name</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="436" />
        <source>Date of &amp;birth</source>
        <translation>Date of &amp;birth</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="437" />
        <source>Se&amp;x</source>
        <translation>Se&amp;x</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="438" />
        <source>ID &amp;type</source>
        <translation>ID &amp;type</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="442" />
        <source>Citizen ID (CCCD)</source>
        <translation>Citizen ID (CCCD)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="442" />
        <source>Identity card (2024)</source>
        <translation>Identity card (2024)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="443" />
        <source>Passport</source>
        <translation>Passport</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="443" />
        <source>Old ID card (CMND)</source>
        <translation>Old ID card (CMND)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="445" />
        <source>ID &amp;number</source>
        <translation>ID &amp;number</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="446" />
        <source>P&amp;hone</source>
        <translation>P&amp;hone</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="447" />
        <source>E&amp;mail</source>
        <translation>E&amp;mail</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="448" />
        <source>&amp;Address</source>
        <translation>&amp;Address</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="449" />
        <source>Birth registered in</source>
        <translation>Birth registered in</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="454" />
        <source>C&amp;hannel:</source>
        <translation>C&amp;hannel:</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="458" />
        <source>Declaration</source>
        <translation>Declaration</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="476" />
        <source>&lt;b&gt;Choose the procedure&lt;/b&gt; on the left (type part of its name or code, then Enter).</source>
        <translation>&lt;b&gt;Choose the procedure&lt;/b&gt; on the left (type part of its name or code, then Enter).</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="485" />
        <source>This procedure has no declaration fields.</source>
        <translation>This procedure has no declaration fields.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="503" />
        <source>(if applicable)</source>
        <translation>(if applicable)</translation>
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
        <translation>Applicant filled from the ID card of {name}.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="549" />
        <source>{file}: only PDF and image files (PNG, JPEG, TIFF) can be attached.</source>
        <translation>{file}: only PDF and image files (PNG, JPEG, TIFF) can be attached.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="568" />
        <source>Choose the procedure and a document first.</source>
        <translation>Choose the procedure and a document first.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="571" />
        <source>Attach scan</source>
        <translation>Attach scan</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="571" />
        <source>Scans (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)</source>
        <translation>Scans (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="609" />
        <source>The applicant's consent is required</source>
        <translation>The applicant's consent is required</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="611" />
        <source>Required</source>
        <translation>Required</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="616" />
        <source>Enter a date as dd/mm/yyyy</source>
        <translation>Enter a date as dd/mm/yyyy</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="618" />
        <source>This date does not exist</source>
        <translation>This date does not exist</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="624" />
        <source>Not a valid Vietnamese phone number (10-digit mobile or 11-digit landline)</source>
        <translation>Not a valid Vietnamese phone number (10-digit mobile or 11-digit landline)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="627" />
        <source>Not a valid email address</source>
        <translation>Not a valid email address</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="630" />
        <source>Not a valid tax code (10 or 13 digits with a correct check digit, or a 12-digit ID)</source>
        <translation>Not a valid tax code (10 or 13 digits with a correct check digit, or a 12-digit ID)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="633" />
        <source>Enter a number</source>
        <translation>Enter a number</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="636" />
        <source>A name cannot contain digits</source>
        <translation>A name cannot contain digits</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="652" />
        <source>An ID number has exactly 12 digits</source>
        <translation>An ID number has exactly 12 digits</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="653" />
        <source>Unknown province code {code} (the first 3 digits)</source>
        <translation>Unknown province code {code} (the first 3 digits)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="654" />
        <source>The 4th digit does not match the sex</source>
        <translation>The 4th digit does not match the sex</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="655" />
        <source>The 4th digit does not match the century of birth</source>
        <translation>The 4th digit does not match the century of birth</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="656" />
        <source>Digits 5–6 must be the last two digits of the birth year</source>
        <translation>Digits 5–6 must be the last two digits of the birth year</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="738" />
        <source>Choose the procedure first.</source>
        <translation>Choose the procedure first.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="744" />
        <source>Please correct the {count} fields marked in red.</source>
        <translation>Please correct the {count} fields marked in red.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="754" />
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="766" />
        <source>The dossier was not saved</source>
        <translation>The dossier was not saved</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>New appointment (apology issued)</source>
        <translation>New appointment (apology issued)</translation>
    </message>
    <message>
        <source>Hint overridden</source>
        <translation>Hint overridden</translation>
    </message>
    <message>
        <source>Defect confirmed</source>
        <translation>Defect confirmed</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="16" />
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="17" />
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="18" />
        <source>In processing</source>
        <translation>In processing</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="19" />
        <source>Awaiting signature</source>
        <translation>Awaiting signature</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="20" />
        <source>Result ready</source>
        <translation>Result ready</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="21" />
        <source>Returned</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="22" />
        <source>Awaiting supplement</source>
        <translation>Awaiting supplement</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="23" />
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="24" />
        <source>Withdrawn</source>
        <translation>Withdrawn</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="34" />
        <source>Accept and issue receipt</source>
        <translation>Accept and issue receipt</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="35" />
        <source>Request supplement…</source>
        <translation>Request supplement…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="36" />
        <source>Supplement received</source>
        <translation>Supplement received</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="37" />
        <source>Start processing</source>
        <translation>Start processing</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="38" />
        <source>Submit for signature</source>
        <translation>Submit for signature</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="39" />
        <source>Mark result ready</source>
        <translation>Mark result ready</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="40" />
        <source>Return result</source>
        <translation>Return result</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="41" />
        <source>Refuse…</source>
        <translation>Refuse…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="42" />
        <source>Withdraw…</source>
        <translation>Withdraw…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="52" />
        <source>At the counter</source>
        <translation>At the counter</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="53" />
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="54" />
        <source>By post</source>
        <translation>By post</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="61" />
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="62" />
        <source>Warning</source>
        <translation>Warning</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="63" />
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="70" />
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="71" />
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="72" />
        <source>Certified copy</source>
        <translation>Certified copy</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="79" />
        <source>Open</source>
        <comment>hint decision</comment>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="80" />
        <source>Accepted</source>
        <comment>hint decision</comment>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="81" />
        <source>Dismissed</source>
        <comment>hint decision</comment>
        <translation>Dismissed</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="89" />
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="90" />
        <source>Assigned</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="91" />
        <source>Unassigned</source>
        <translation>Unassigned</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="92" />
        <source>Corrected</source>
        <translation>Corrected</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="93" />
        <source>Hint accepted</source>
        <translation>Hint accepted</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="94" />
        <source>Hint dismissed</source>
        <translation>Hint dismissed</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="95" />
        <source>Hint reopened</source>
        <translation>Hint reopened</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="96" />
        <source>Status set (demo data)</source>
        <translation>Status set (demo data)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/labels.py" line="97" />
        <source>Receipt issued</source>
        <translation>Receipt issued</translation>
    </message>
</context>
<context>
    <name>LongTask</name>
    <message>
        <location filename="../../officer_desk/ui/tasks.py" line="195" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/tasks.py" line="215" />
        <source>Cancelling…</source>
        <translation>Cancelling…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Counter</source>
        <translation>Counter</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <source>Print the sheet that follows the dossier through its hand-overs</source>
        <translation>Print the sheet that follows the dossier through its hand-overs</translation>
    </message>
    <message>
        <source>Processing &amp;control sheet</source>
        <translation>Processing &amp;control sheet</translation>
    </message>
    <message>
        <source>The result is late: a signed apology with the new date; the due date changes with it</source>
        <translation>The result is late: a signed apology with the new date; the due date changes with it</translation>
    </message>
    <message>
        <source>Apology and new &amp;appointment…</source>
        <translation>Apology and new &amp;appointment…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/actions.py" line="177" />
        <source>&amp;Dashboard</source>
        <translation>&amp;Dashboard</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/actions.py" line="177" />
        <source>The center's numbers: channels, results on time, processing time, backlog</source>
        <translation>The center's numbers: channels, results on time, processing time, backlog</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="102" />
        <source>Officer Desk — {agency}, desk {desk}</source>
        <translation>Officer Desk — {agency}, desk {desk}</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="149" />
        <source>Accept the dossier and issue the receipt</source>
        <translation>Accept the dossier and issue the receipt</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="152" />
        <source>Ask the applicant to bring missing or corrected items</source>
        <translation>Ask the applicant to bring missing or corrected items</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="156" />
        <source>Refuse the dossier (a reason is required)</source>
        <translation>Refuse the dossier (a reason is required)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="158" />
        <source>The applicant withdraws the dossier (reason required)</source>
        <translation>The applicant withdraws the dossier (reason required)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="166" />
        <source>Hand the result to the applicant</source>
        <translation>Hand the result to the applicant</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="168" />
        <source>&amp;Print receipt again</source>
        <translation>&amp;Print receipt again</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="170" />
        <source>Print the stored receipt again, or save it as PDF</source>
        <translation>Print the stored receipt again, or save it as PDF</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="171" />
        <source>Assign to &amp;me</source>
        <translation>Assign to &amp;me</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="172" />
        <source>Take this case (one officer at a time)</source>
        <translation>Take this case (one officer at a time)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="174" />
        <source>Assign &amp;to…</source>
        <translation>Assign &amp;to…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="175" />
        <source>Give this case to another officer of the desk</source>
        <translation>Give this case to another officer of the desk</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="173" />
        <source>&amp;Unassign</source>
        <translation>&amp;Unassign</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="174" />
        <source>Release this case</source>
        <translation>Release this case</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="175" />
        <source>&amp;New dossier…</source>
        <translation>&amp;New dossier…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="176" />
        <source>Receive a new dossier at the counter</source>
        <translation>Receive a new dossier at the counter</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="177" />
        <source>&amp;Import folder…</source>
        <translation>&amp;Import folder…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="178" />
        <source>Import dossier files (JSON) from a folder</source>
        <translation>Import dossier files (JSON) from a folder</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="179" />
        <source>Screen all open cases &amp;again…</source>
        <translation>Screen all open cases &amp;again…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="180" />
        <source>Run the screening again on every open case</source>
        <translation>Run the screening again on every open case</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="182" />
        <source>Generate &amp;demo data…</source>
        <translation>Generate &amp;demo data…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="183" />
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="184" />
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="185" />
        <source>&amp;Refresh</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="186" />
        <source>&amp;Search</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="187" />
        <source>Search by name, ID number, phone or dossier code; scan a code here</source>
        <translation>Search by name, ID number, phone or dossier code; scan a code here</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="188" />
        <source>Go to &amp;queue</source>
        <translation>Go to &amp;queue</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="189" />
        <source>Go to &amp;case</source>
        <translation>Go to &amp;case</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="190" />
        <source>Go to &amp;hints</source>
        <translation>Go to &amp;hints</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="191" />
        <source>Next status tab</source>
        <translation>Next status tab</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="192" />
        <source>Previous status tab</source>
        <translation>Previous status tab</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="194" />
        <source>Confirm the PC &amp;clock…</source>
        <translation>Confirm the PC &amp;clock…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="196" />
        <source>&amp;About Officer Desk</source>
        <translation>&amp;About Officer Desk</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="335" />
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="344" />
        <source>&amp;Case</source>
        <translation>&amp;Case</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="356" />
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="360" />
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="1057" />
        <source>{code}: dossier created</source>
        <translation>{code}: dossier created</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="1074" />
        <source>About Officer Desk</source>
        <translation>About Officer Desk</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="1075" />
        <source>&lt;b&gt;Officer Desk&lt;/b&gt; {version}&lt;br&gt;The desk of one-stop counter officers.</source>
        <translation>&lt;b&gt;Officer Desk&lt;/b&gt; {version}&lt;br&gt;The desk of one-stop counter officers.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="198" />
        <source>&amp;Verify a signed document…</source>
        <translation>&amp;Verify a signed document…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="199" />
        <source>Check the signatures of a PDF or the QR code of a receipt</source>
        <translation>Check the signatures of a PDF or the QR code of a receipt</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="345" />
        <source>Procedure &amp;assistant</source>
        <translation>Procedure &amp;assistant</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="348" />
        <source>Which procedure, which papers, which fee: answer a citizen's question</source>
        <translation>Which procedure, which papers, which fee: answer a citizen's question</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/main_window.py" line="384" />
        <source>&amp;Tools</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <source>Attach the result document and submit it for signature</source>
        <translation>Attach the result document and submit it for signature</translation>
    </message>
    <message>
        <source>Sign the &amp;result…</source>
        <translation>Sign the &amp;result…</translation>
    </message>
    <message>
        <source>Preview the submitted result and sign it with your certificate</source>
        <translation>Preview the submitted result and sign it with your certificate</translation>
    </message>
    <message>
        <source>&amp;Lock the desk</source>
        <translation>&amp;Lock the desk</translation>
    </message>
    <message>
        <source>Hide the queue until your password is given again</source>
        <translation>Hide the queue until your password is given again</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Sign &amp;out</translation>
    </message>
    <message>
        <source>End your session; the next officer signs in</source>
        <translation>End your session; the next officer signs in</translation>
    </message>
    <message>
        <source>&amp;Back up the desk…</source>
        <translation>&amp;Back up the desk…</translation>
    </message>
    <message>
        <source>An encrypted copy of the whole desk (cases, files, accounts, audit log)</source>
        <translation>An encrypted copy of the whole desk (cases, files, accounts, audit log)</translation>
    </message>
    <message>
        <source>Back up the desk</source>
        <translation>Back up the desk</translation>
    </message>
    <message>
        <source>Officer Desk backup (*.odbackup)</source>
        <translation>Officer Desk backup (*.odbackup)</translation>
    </message>
    <message>
        <source>Backing up the desk…</source>
        <translation>Backing up the desk…</translation>
    </message>
    <message>
        <source>Backup written: {file} ({cases} cases, {entries} audit entries). Keep it with the key&apos;s recovery copy.</source>
        <translation>Backup written: {file} ({cases} cases, {entries} audit entries). Keep it with the key&apos;s recovery copy.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/actions.py" line="214" />
        <source>S&amp;ync now</source>
        <translation>S&amp;ync now</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/actions.py" line="215" />
        <source>Send this desk's changes to the center and receive the center's</source>
        <translation>Send this desk's changes to the center and receive the center's</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/actions.py" line="217" />
        <source>Sync &amp;status and conflicts…</source>
        <translation>Sync &amp;status and conflicts…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/actions.py" line="1" />
        <source>Export a USB &amp;bundle…</source>
        <translation>Export a USB &amp;bundle…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/actions.py" line="1" />
        <source>Write this desk&apos;s changes to a file for the center when there is no link</source>
        <translation>Write this desk&apos;s changes to a file for the center when there is no link</translation>
    </message>
</context>
<context>
    <name>ProcedurePicker</name>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="141" />
        <source>&amp;Procedure (name or code):</source>
        <translation>&amp;Procedure (name or code):</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/intake.py" line="146" />
        <source>e.g. khai sinh, tam tru, 1.004194</source>
        <translation>e.g. khai sinh, tam tru, 1.004194</translation>
    </message>
</context>
<context>
    <name>QueuePanel</name>
    <message>
        <source>{code} opened — choose a tab to see the queue</source>
        <translation>{code} opened — choose a tab to see the queue</translation>
    </message>
    <message>
        <source>No dossiers in “{status}”.</source>
        <translation>No dossiers in “{status}”.</translation>
    </message>
    <message>
        <source>No dossiers yet: receive one with New dossier (Ctrl+N).</source>
        <translation>No dossiers yet: receive one with New dossier (Ctrl+N).</translation>
    </message>
    <message>
        <source>No dossiers with the filters chosen above.</source>
        <translation>No dossiers with the filters chosen above.</translation>
    </message>
    <message>
        <source>No dossiers due today.</source>
        <translation>No dossiers due today.</translation>
    </message>
    <message>
        <source>No overdue dossiers.</source>
        <translation>No overdue dossiers.</translation>
    </message>
    <message>
        <source>No dossier matches “{text}”.</source>
        <translation>No dossier matches “{text}”.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/panels/queue_panel.py" line="135" />
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/panels/queue_panel.py" line="112" />
        <source>All channels</source>
        <translation>All channels</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/panels/queue_panel.py" line="120" />
        <source>All officers</source>
        <translation>All officers</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/panels/queue_panel.py" line="102" />
        <source>All procedures</source>
        <translation>All procedures</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/panels/queue_panel.py" line="127" />
        <source>Any due date</source>
        <translation>Any due date</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/panels/queue_panel.py" line="119" />
        <source>Assigned officer</source>
        <translation>Assigned officer</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/panels/queue_panel.py" line="111" />
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/panels/queue_panel.py" line="159" />
        <source>Ctrl+PgDown / Ctrl+PgUp switch tabs</source>
        <translation>Ctrl+PgDown / Ctrl+PgUp switch tabs</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/panels/queue_panel.py" line="126" />
        <source>Due date</source>
        <translation>Due date</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/panels/queue_panel.py" line="128" />
        <source>Due today</source>
        <translation>Due today</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/panels/queue_panel.py" line="129" />
        <source>Due within one working day</source>
        <translation>Due within one working day</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/panels/queue_panel.py" line="85" />
        <source>Filters</source>
        <translation>Filters</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/panels/queue_panel.py" line="295" />
        <source>First {count} matches — type more to narrow</source>
        <translation>First {count} matches — type more to narrow</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/panels/queue_panel.py" line="121" />
        <source>Mine ({officer})</source>
        <translation>Mine ({officer})</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/panels/queue_panel.py" line="320" />
        <source>No case with code {code}</source>
        <translation>No case with code {code}</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/panels/queue_panel.py" line="130" />
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/panels/queue_panel.py" line="101" />
        <source>Procedure</source>
        <translation>Procedure</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/panels/queue_panel.py" line="143" />
        <source>Refused / withdrawn</source>
        <translation>Refused / withdrawn</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/panels/queue_panel.py" line="93" />
        <source>Search name, ID number, phone, dossier code — or scan (Ctrl+F)</source>
        <translation>Search name, ID number, phone, dossier code — or scan (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/panels/queue_panel.py" line="200" />
        <source>Searching…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/panels/queue_panel.py" line="299" />
        <source>{count} cases</source>
        <translation>{count} cases</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/panels/queue_panel.py" line="297" />
        <source>{count}+ cases, counting…</source>
        <translation>{count}+ cases, counting…</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../officer_desk/ui/dialogs.py" line="78" />
        <source>Reason (required)</source>
        <translation>Reason (required)</translation>
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
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="70" />
        <source>Agency identifier (QCVN), the first part of every dossier code</source>
        <translation>Agency identifier (QCVN), the first part of every dossier code</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="82" />
        <source>Office &amp;name:</source>
        <translation>Office &amp;name:</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="83" />
        <source>Agency &amp;code:</source>
        <translation>Agency &amp;code:</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="84" />
        <source>Document &amp;header (one line each):</source>
        <translation>Document &amp;header (one line each):</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="85" />
        <source>&amp;Address:</source>
        <translation>&amp;Address:</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="86" />
        <source>&amp;Province:</source>
        <translation>&amp;Province:</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="87" />
        <source>&amp;Desk number:</source>
        <translation>&amp;Desk number:</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="88" />
        <source>Officer's full &amp;name:</source>
        <translation>Officer's full &amp;name:</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="91" />
        <source>Office &amp;&amp; desk</source>
        <translation>Office &amp;&amp; desk</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="97" />
        <source>Opening hours per weekday, as HH:MM-HH:MM spans separated by commas; empty = closed.</source>
        <translation>Opening hours per weekday, as HH:MM-HH:MM spans separated by commas; empty = closed.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="100" />
        <source>Office hours</source>
        <translation>Office hours</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="100" />
        <source>Result collection hours</source>
        <translation>Result collection hours</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="101" />
        <source>Monday</source>
        <translation>Monday</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="101" />
        <source>Tuesday</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="101" />
        <source>Wednesday</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="101" />
        <source>Thursday</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="102" />
        <source>Friday</source>
        <translation>Friday</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="102" />
        <source>Saturday</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="102" />
        <source>Sunday</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="110" />
        <source>&amp;Hours</source>
        <translation>&amp;Hours</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="116" />
        <source>empty = the local encrypted file</source>
        <translation>empty = the local encrypted file</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="117" />
        <source>postgresql://user@server/officer_desk for a shared database</source>
        <translation>postgresql://user@server/officer_desk for a shared database</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="125" />
        <source>Local database file:</source>
        <translation>Local database file:</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="126" />
        <source>&amp;Server URL:</source>
        <translation>&amp;Server URL:</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="127" />
        <source>&amp;Language:</source>
        <translation>&amp;Language:</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="128" />
        <source>Database &amp;&amp; &amp;language</source>
        <translation>Database &amp;&amp; &amp;language</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="135" />
        <source>PKCS#12 file or token key id</source>
        <translation>PKCS#12 file or token key id</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="136" />
        <source>&amp;Browse…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="142" />
        <source>System default printer</source>
        <translation>System default printer</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="149" />
        <source>A5 (receipts)</source>
        <translation>A5 (receipts)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="149" />
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="150" />
        <source>Thermal roll 80 mm</source>
        <translation>Thermal roll 80 mm</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="153" />
        <source>Default &amp;certificate:</source>
        <translation>Default &amp;certificate:</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="154" />
        <source>&amp;Printer:</source>
        <translation>&amp;Printer:</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="155" />
        <source>Paper si&amp;ze:</source>
        <translation>Paper si&amp;ze:</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="156" />
        <source>&amp;Signing &amp;&amp; printing</source>
        <translation>&amp;Signing &amp;&amp; printing</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="183" />
        <source>Choose certificate</source>
        <translation>Choose certificate</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="184" />
        <source>PKCS#12 (*.p12 *.pfx);;All files (*)</source>
        <translation>PKCS#12 (*.p12 *.pfx);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="199" />
        <source>{day}: write hours as HH:MM-HH:MM, separated by commas.</source>
        <translation>{day}: write hours as HH:MM-HH:MM, separated by commas.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="207" />
        <source>The agency code is required.</source>
        <translation>The agency code is required.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="213" />
        <source>The server URL must start with postgresql://</source>
        <translation>The server URL must start with postgresql://</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="242" />
        <source>Settings were not saved</source>
        <translation>Settings were not saved</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/settings_dialog.py" line="250" />
        <source>The new database location is used from the next start.</source>
        <translation>The new database location is used from the next start.</translation>
    </message>
    <message>
        <source>Keep the PKCS#12 password for the signing session</source>
        <translation>Keep the PKCS#12 password for the signing session</translation>
    </message>
    <message>
        <source>Keep the token logged in for the signing session</source>
        <translation>Keep the token logged in for the signing session</translation>
    </message>
    <message>
        <source> min (0: never)</source>
        <translation> min (0: never)</translation>
    </message>
    <message>
        <source>Bind an officer&apos;s certificate…</source>
        <translation>Bind an officer&apos;s certificate…</translation>
    </message>
    <message>
        <source>Certificates:</source>
        <translation>Certificates:</translation>
    </message>
    <message>
        <source>Token &amp;module (PKCS#11):</source>
        <translation>Token &amp;module (PKCS#11):</translation>
    </message>
    <message>
        <source>&amp;Lock after idle:</source>
        <translation>&amp;Lock after idle:</translation>
    </message>
</context>
<context>
    <name>SupplementDialog</name>
    <message>
        <location filename="../../officer_desk/ui/dialogs.py" line="123" />
        <source>Request supplement — {code}</source>
        <translation>Request supplement — {code}</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dialogs.py" line="126" />
        <source>&amp;Missing or incorrect items (Space ticks an item):</source>
        <translation>&amp;Missing or incorrect items (Space ticks an item):</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dialogs.py" line="142" />
        <source>&amp;Note to the applicant:</source>
        <translation>&amp;Note to the applicant:</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dialogs.py" line="150" />
        <source>Request supplement</source>
        <translation>Request supplement</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="63" />
        <source>Verify a signed document</source>
        <translation>Verify a signed document</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="66" />
        <source>Check the digital signatures of a PDF (decision, receipt, notice), or the QR code printed on a receipt.</source>
        <translation>Check the digital signatures of a PDF (decision, receipt, notice), or the QR code printed on a receipt.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="72" />
        <source>&amp;Choose a signed PDF…</source>
        <translation>&amp;Choose a signed PDF…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="75" />
        <source>Check receipt &amp;QR (PDF or photo)…</source>
        <translation>Check receipt &amp;QR (PDF or photo)…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="84" />
        <source>Or paste the &amp;QR text:</source>
        <translation>Or paste the &amp;QR text:</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="88" />
        <source>ODR1:… (scan the receipt's QR code here)</source>
        <translation>ODR1:… (scan the receipt's QR code here)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="90" />
        <source>Check</source>
        <translation>Check</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="142" />
        <source>Choose a signed PDF</source>
        <translation>Choose a signed PDF</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="143" />
        <source>PDF (*.pdf);;All files (*)</source>
        <translation>PDF (*.pdf);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="149" />
        <source>Choose a receipt (PDF or photo)</source>
        <translation>Choose a receipt (PDF or photo)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="150" />
        <source>Receipts (*.pdf *.png *.jpg *.jpeg);;All files (*)</source>
        <translation>Receipts (*.pdf *.png *.jpg *.jpeg);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="163" />
        <source>File: {file}</source>
        <translation>File: {file}</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="164" />
        <source>Verifying the signatures…</source>
        <translation>Verifying the signatures…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="170" />
        <source>Receipt: {file}</source>
        <translation>Receipt: {file}</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="171" />
        <source>Receipt QR text</source>
        <translation>Receipt QR text</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="172" />
        <source>Checking the receipt QR…</source>
        <translation>Checking the receipt QR…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="199" />
        <source>Not checked</source>
        <translation>Not checked</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="224" />
        <source>The file could not be checked: {reason}</source>
        <translation>The file could not be checked: {reason}</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="227" />
        <source>The document has no signature.</source>
        <translation>The document has no signature.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="229" />
        <source>{count} signature(s) checked.</source>
        <translation>{count} signature(s) checked.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="236" />
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="236" />
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="237" />
        <source>intact (the signed content is unchanged)</source>
        <translation>intact (the signed content is unchanged)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="238" />
        <source>BROKEN (the signed content was changed)</source>
        <translation>BROKEN (the signed content was changed)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="239" />
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="240" />
        <source>allowed changes only (form filling, later signatures)</source>
        <translation>allowed changes only (form filling, later signatures)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="241" />
        <source>changes NOT allowed after signing</source>
        <translation>changes NOT allowed after signing</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="243" />
        <source>not revoked</source>
        <translation>not revoked</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="243" />
        <source>REVOKED</source>
        <translation>REVOKED</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="244" />
        <source>unknown (no revocation information)</source>
        <translation>unknown (no revocation information)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="248" />
        <source>none found</source>
        <translation>none found</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="250" />
        <source>Signer</source>
        <translation>Signer</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="251" />
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="252" />
        <source>Signing time</source>
        <translation>Signing time</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="253" />
        <source>Timestamped</source>
        <translation>Timestamped</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="254" />
        <source>Integrity</source>
        <translation>Integrity</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="255" />
        <source>Changes after signing</source>
        <translation>Changes after signing</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="256" />
        <source>Certificate chain</source>
        <translation>Certificate chain</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="257" />
        <source>Trust anchor</source>
        <translation>Trust anchor</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="258" />
        <source>Revocation</source>
        <translation>Revocation</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="260" />
        <source>Signature {number}: {verdict}</source>
        <translation>Signature {number}: {verdict}</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="268" />
        <source>Reasons</source>
        <translation>Reasons</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="277" />
        <source>Genuine</source>
        <translation>Genuine</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="278" />
        <source>Tampered</source>
        <translation>Tampered</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="279" />
        <source>Unknown issuer</source>
        <translation>Unknown issuer</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="280" />
        <source>No receipt QR found</source>
        <translation>No receipt QR found</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="290" />
        <source>The QR code was issued and signed by a trusted desk and has not been altered.</source>
        <translation>The QR code was issued and signed by a trusted desk and has not been altered.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="291" />
        <source>The QR code is in the desk's format but was altered or signed with another key.</source>
        <translation>The QR code is in the desk's format but was altered or signed with another key.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="292" />
        <source>The QR code is well formed, but the desk that issued it is not trusted on this computer.</source>
        <translation>The QR code is well formed, but the desk that issued it is not trusted on this computer.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="294" />
        <source>No QR code issued by a desk was found.</source>
        <translation>No QR code issued by a desk was found.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="297" />
        <source>Dossier code</source>
        <translation>Dossier code</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="297" />
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="298" />
        <source>Applicant name (hash)</source>
        <translation>Applicant name (hash)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="299" />
        <source>Appointment</source>
        <translation>Appointment</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="299" />
        <source>Desk</source>
        <translation>Desk</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="300" />
        <source>Issued at</source>
        <translation>Issued at</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="300" />
        <source>Key</source>
        <translation>Key</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="1" />
        <source>Modified after signing — what differs from the signed document</source>
        <translation>Modified after signing — what differs from the signed document</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/verify_dialog.py" line="1" />
        <source>Changes after signing (allowed)</source>
        <translation>Changes after signing (allowed)</translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="83" />
        <source>Table</source>
        <translation>Table</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="84" />
        <source>Show the numbers behind the chart</source>
        <translation>Show the numbers behind the chart</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="106" />
        <source>No dossiers in this period</source>
        <translation>No dossiers in this period</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="112" />
        <source>Chart</source>
        <translation>Chart</translation>
    </message>
</context>
<context>
    <name>DashboardWidget</name>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="208" />
        <source>Dossiers received by channel</source>
        <translation>Dossiers received by channel</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="209" />
        <source>Results: early, on time, late</source>
        <translation>Results: early, on time, late</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="210" />
        <source>Processing time (working days): median and 90th percentile</source>
        <translation>Processing time (working days): median and 90th percentile</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="212" />
        <source>Supplement requests and refusals</source>
        <translation>Supplement requests and refusals</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="213" />
        <source>Most frequent screening hints and dismissals</source>
        <translation>Most frequent screening hints and dismissals</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="214" />
        <source>Open dossiers by age (days since receipt)</source>
        <translation>Open dossiers by age (days since receipt)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="233" />
        <source>Last 7 days</source>
        <translation>Last 7 days</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="233" />
        <source>Last 30 days</source>
        <translation>Last 30 days</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="233" />
        <source>This month</source>
        <translation>This month</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="233" />
        <source>This year</source>
        <translation>This year</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="234" />
        <source>Chosen days</source>
        <translation>Chosen days</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="238" />
        <source>&amp;Period:</source>
        <translation>&amp;Period:</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="254" />
        <source>All procedures</source>
        <translation>All procedures</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="261" />
        <source>All officers</source>
        <translation>All officers</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="265" />
        <source>Commune or ward</source>
        <translation>Commune or ward</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="271" />
        <source>All desks</source>
        <translation>All desks</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="272" />
        <source>Desk </source>
        <translation>Desk </translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="276" />
        <source>By procedure</source>
        <translation>By procedure</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="276" />
        <source>By officer</source>
        <translation>By officer</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="277" />
        <source>By channel</source>
        <translation>By channel</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="277" />
        <source>By commune</source>
        <translation>By commune</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="280" />
        <source>&amp;Show</source>
        <translation>&amp;Show</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="284" />
        <source>E&amp;xport…</source>
        <translation>E&amp;xport…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="327" />
        <source>The first day is after the last day: choose the period again.</source>
        <translation>The first day is after the last day: choose the period again.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="332" />
        <source>Computing…</source>
        <translation>Computing…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="344" />
        <source>The figures could not be computed: {reason}</source>
        <translation>The figures could not be computed: {reason}</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="352" />
        <source>&lt;b&gt;{received}&lt;/b&gt; dossiers received · online &lt;b&gt;{online}&lt;/b&gt; · results early {early}, on time {on_time}, late &lt;b&gt;{late}&lt;/b&gt; · median {median} / P90 {p90} working days · at the desk {minutes} min per dossier · {signed} documents signed, {receipts} receipts · open {open} (overdue {overdue})</source>
        <translation>&lt;b&gt;{received}&lt;/b&gt; dossiers received · online &lt;b&gt;{online}&lt;/b&gt; · results early {early}, on time {on_time}, late &lt;b&gt;{late}&lt;/b&gt; · median {median} / P90 {p90} working days · at the desk {minutes} min per dossier · {signed} documents signed, {receipts} receipts · open {open} (overdue {overdue})</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="361" />
        <source>Period {period}, computed at {time}</source>
        <translation>Period {period}, computed at {time}</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="369" />
        <source>Online</source>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="369" />
        <source>At the counter</source>
        <translation>At the counter</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="369" />
        <source>By post</source>
        <translation>By post</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="373" />
        <source>Channel</source>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="373" />
        <source>Dossiers</source>
        <translation>Dossiers</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="373" />
        <source>Share</source>
        <translation>Share</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="377" />
        <source>Early</source>
        <translation>Early</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="378" />
        <source>On time</source>
        <translation>On time</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="379" />
        <source>Late</source>
        <translation>Late</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="381" />
        <source>Late share</source>
        <translation>Late share</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="386" />
        <source>Median</source>
        <translation>Median</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="387" />
        <source>90th percentile</source>
        <translation>90th percentile</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="388" />
        <source>Returned</source>
        <translation>Returned</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="389" />
        <source>Minutes at the desk</source>
        <translation>Minutes at the desk</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="392" />
        <source>Supplement requested</source>
        <translation>Supplement requested</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="393" />
        <source>Refused</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="394" />
        <source>Received</source>
        <translation>Received</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="399" />
        <source>Raised</source>
        <translation>Raised</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="400" />
        <source>Dismissed by officers</source>
        <translation>Dismissed by officers</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="401" />
        <source>Hint</source>
        <translation>Hint</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="401" />
        <source>Dismissed</source>
        <translation>Dismissed</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="401" />
        <source>Accepted</source>
        <translation>Accepted</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="402" />
        <source>Dismissal rate</source>
        <translation>Dismissal rate</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="406" />
        <source>Open dossiers</source>
        <translation>Open dossiers</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="407" />
        <source>Days since receipt</source>
        <translation>Days since receipt</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="409" />
        <source>Overdue</source>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="426" />
        <source>Export the report</source>
        <translation>Export the report</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="427" />
        <source>Spreadsheet (*.xlsx);;CSV, UTF-8 (*.csv)</source>
        <translation>Spreadsheet (*.xlsx);;CSV, UTF-8 (*.csv)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="435" />
        <source>Saved {path}</source>
        <translation>Saved {path}</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="440" />
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="1" />
        <source>&amp;Register book…</source>
        <translation>&amp;Register book…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/dashboard.py" line="1" />
        <source>The dossiers of this period, each with its processing control sheet</source>
        <translation>The dossiers of this period, each with its processing control sheet</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>The administrator&apos;s account</source>
        <translation>The administrator&apos;s account</translation>
    </message>
    <message>
        <source>The administrator adds the officers&apos; accounts and certificates, and keeps the backups.</source>
        <translation>The administrator adds the officers&apos; accounts and certificates, and keeps the backups.</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>User name:</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>Full name:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Password:</translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>Password again:</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>The two passwords differ.</translation>
    </message>
</context>
<context>
    <name>CertificateBindingDialog</name>
    <message>
        <source>Bind a signing certificate</source>
        <translation>Bind a signing certificate</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>Account:</translation>
    </message>
    <message>
        <source>PKCS#12 file (.p12, .pfx)</source>
        <translation>PKCS#12 file (.p12, .pfx)</translation>
    </message>
    <message>
        <source>USB token (PKCS#11)</source>
        <translation>USB token (PKCS#11)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>File:</translation>
    </message>
    <message>
        <source>Its password (not stored):</source>
        <translation>Its password (not stored):</translation>
    </message>
    <message>
        <source>The token&apos;s PKCS#11 library, e.g. /usr/lib/…/libvnpt-ca.so</source>
        <translation>The token&apos;s PKCS#11 library, e.g. /usr/lib/…/libvnpt-ca.so</translation>
    </message>
    <message>
        <source>Read the token</source>
        <translation>Read the token</translation>
    </message>
    <message>
        <source>Module:</source>
        <translation>Module:</translation>
    </message>
    <message>
        <source>Key and certificate:</source>
        <translation>Key and certificate:</translation>
    </message>
    <message>
        <source>Check and bind</source>
        <translation>Check and bind</translation>
    </message>
    <message>
        <source>no certificate</source>
        <translation>no certificate</translation>
    </message>
    <message>
        <source>Signing key</source>
        <translation>Signing key</translation>
    </message>
    <message>
        <source>PKCS#12 (*.p12 *.pfx)</source>
        <translation>PKCS#12 (*.p12 *.pfx)</translation>
    </message>
    <message>
        <source>Reading the token…</source>
        <translation>Reading the token…</translation>
    </message>
    <message>
        <source>{name} — valid until {date}</source>
        <translation>{name} — valid until {date}</translation>
    </message>
    <message>
        <source>The token holds no key with a certificate.</source>
        <translation>The token holds no key with a certificate.</translation>
    </message>
    <message>
        <source>Read the token and choose its key first.</source>
        <translation>Read the token and choose its key first.</translation>
    </message>
    <message>
        <source>Checking the certificate…</source>
        <translation>Checking the certificate…</translation>
    </message>
    <message>
        <source>Bound to {user}: {subject}, valid until {date}.</source>
        <translation>Bound to {user}: {subject}, valid until {date}.</translation>
    </message>
</context>
<context>
    <name>CertificatesPage</name>
    <message>
        <source>The office&apos;s certificates</source>
        <translation>The office&apos;s certificates</translation>
    </message>
    <message>
        <source>The certificate authority&apos;s certificates (PEM) that the desk trusts, and the administrator&apos;s own signing key (PKCS#12, optional; officers add theirs later). The key&apos;s password is used once to check it and is never stored.</source>
        <translation>The certificate authority&apos;s certificates (PEM) that the desk trusts, and the administrator&apos;s own signing key (PKCS#12, optional; officers add theirs later). The key&apos;s password is used once to check it and is never stored.</translation>
    </message>
    <message>
        <source>Add a CA certificate…</source>
        <translation>Add a CA certificate…</translation>
    </message>
    <message>
        <source>Administrator&apos;s key (.p12):</source>
        <translation>Administrator&apos;s key (.p12):</translation>
    </message>
    <message>
        <source>Its password:</source>
        <translation>Its password:</translation>
    </message>
    <message>
        <source>CA certificates</source>
        <translation>CA certificates</translation>
    </message>
</context>
<context>
    <name>ChoicePage</name>
    <message>
        <source>Welcome to Officer Desk</source>
        <translation>Welcome to Officer Desk</translation>
    </message>
    <message>
        <source>This computer has no desk yet. Set up the desk of a real office, or try the program in demo mode.</source>
        <translation>This computer has no desk yet. Set up the desk of a real office, or try the program in demo mode.</translation>
    </message>
    <message>
        <source>Set up this office&apos;s desk (real dossiers, the officers&apos; own certificates)</source>
        <translation>Set up this office&apos;s desk (real dossiers, the officers&apos; own certificates)</translation>
    </message>
    <message>
        <source>DEMO MODE — synthetic dossiers and a demo certificate. Never for real citizens&apos; papers.</source>
        <translation>DEMO MODE — synthetic dossiers and a demo certificate. Never for real citizens&apos; papers.</translation>
    </message>
</context>
<context>
    <name>KeyPage</name>
    <message>
        <source>The database key</source>
        <translation>The database key</translation>
    </message>
    <message>
        <source>Dossiers are encrypted with a key kept in the operating system&apos;s key store when there is one, else in the file {file} (readable by this account only). Losing every copy of the key loses the data: keep a recovery copy on a USB stick in the office safe.</source>
        <translation>Dossiers are encrypted with a key kept in the operating system&apos;s key store when there is one, else in the file {file} (readable by this account only). Losing every copy of the key loses the data: keep a recovery copy on a USB stick in the office safe.</translation>
    </message>
    <message>
        <source>Recovery copy (optional): a file on a USB stick</source>
        <translation>Recovery copy (optional): a file on a USB stick</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>I understand: without the key the data cannot be read.</source>
        <translation>I understand: without the key the data cannot be read.</translation>
    </message>
    <message>
        <source>Recovery copy of the key</source>
        <translation>Recovery copy of the key</translation>
    </message>
</context>
<context>
    <name>LockController</name>
    <message>
        <source>The desk is locked by {name}.</source>
        <translation>The desk is locked by {name}.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>Enter your password.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
</context>
<context>
    <name>LockPage</name>
    <message>
        <source>Password</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <source>Sign in as someone else</source>
        <translation>Sign in as someone else</translation>
    </message>
</context>
<context>
    <name>OfficePage</name>
    <message>
        <source>The office</source>
        <translation>The office</translation>
    </message>
    <message>
        <source>Office name:</source>
        <translation>Office name:</translation>
    </message>
    <message>
        <source>Agency code (in dossier codes):</source>
        <translation>Agency code (in dossier codes):</translation>
    </message>
    <message>
        <source>Province (since 01/07/2025):</source>
        <translation>Province (since 01/07/2025):</translation>
    </message>
    <message>
        <source>Commune or ward:</source>
        <translation>Commune or ward:</translation>
    </message>
    <message>
        <source>Counter (desk) number:</source>
        <translation>Counter (desk) number:</translation>
    </message>
    <message>
        <source>Enter the office&apos;s name.</source>
        <translation>Enter the office&apos;s name.</translation>
    </message>
    <message>
        <source>Enter the agency code, without spaces.</source>
        <translation>Enter the agency code, without spaces.</translation>
    </message>
    <message>
        <source>Choose a province from the list (after the 2025 merger).</source>
        <translation>Choose a province from the list (after the 2025 merger).</translation>
    </message>
    <message>
        <source>Enter the commune or ward.</source>
        <translation>Enter the commune or ward.</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>Signing PIN</source>
        <translation>Signing PIN</translation>
    </message>
    <message>
        <source>PIN or password</source>
        <translation>PIN or password</translation>
    </message>
    <message>
        <source>Cancel signs nothing: the dossier stays as it is.</source>
        <translation>Cancel signs nothing: the dossier stays as it is.</translation>
    </message>
</context>
<context>
    <name>PrinterPage</name>
    <message>
        <source>The printer</source>
        <translation>The printer</translation>
    </message>
    <message>
        <source>(none yet)</source>
        <translation>(none yet)</translation>
    </message>
    <message>
        <source>80 mm roll</source>
        <translation>80 mm roll</translation>
    </message>
    <message>
        <source>Print a test page</source>
        <translation>Print a test page</translation>
    </message>
    <message>
        <source>Printer:</source>
        <translation>Printer:</translation>
    </message>
    <message>
        <source>Paper of receipts:</source>
        <translation>Paper of receipts:</translation>
    </message>
    <message>
        <source>Choose a printer first.</source>
        <translation>Choose a printer first.</translation>
    </message>
    <message>
        <source>Officer Desk test page</source>
        <translation>Officer Desk test page</translation>
    </message>
    <message>
        <source>The test page was sent to {printer}.</source>
        <translation>The test page was sent to {printer}.</translation>
    </message>
</context>
<context>
    <name>ResultPreviewDialog</name>
    <message>
        <source>This file cannot be shown as a PDF; it cannot be submitted.</source>
        <translation>This file cannot be shown as a PDF; it cannot be submitted.</translation>
    </message>
</context>
<context>
    <name>ResultsController</name>
    <message>
        <source>Result document of {code}</source>
        <translation>Result document of {code}</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Result of {code}</source>
        <translation>Result of {code}</translation>
    </message>
    <message>
        <source>Submit for signature</source>
        <translation>Submit for signature</translation>
    </message>
    <message>
        <source>Check the result before it goes to the supervisor for signature.</source>
        <translation>Check the result before it goes to the supervisor for signature.</translation>
    </message>
    <message>
        <source>{code}: result submitted for signature</source>
        <translation>{code}: result submitted for signature</translation>
    </message>
    <message>
        <source>Sign the result of {code}</source>
        <translation>Sign the result of {code}</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>Sign</translation>
    </message>
    <message>
        <source>Your signature and stamp are added to the last page.</source>
        <translation>Your signature and stamp are added to the last page.</translation>
    </message>
    <message>
        <source>result</source>
        <translation>result</translation>
    </message>
    <message>
        <source>{code}: result signed</source>
        <translation>{code}: result signed</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <source>Set up Officer Desk</source>
        <translation>Set up Officer Desk</translation>
    </message>
    <message>
        <source>Setting up the desk…</source>
        <translation>Setting up the desk…</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <source>{message} Wrong passwords in a row: {count}; the desk now waits {seconds} s before answering, longer after each wrong one.</source>
        <translation>{message} Wrong passwords in a row: {count}; the desk now waits {seconds} s before answering, longer after each wrong one.</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in — Officer Desk</source>
        <translation>Sign in — Officer Desk</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <source>Enter your user name and password.</source>
        <translation>Enter your user name and password.</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Checking…</translation>
    </message>
</context>
<context>
    <name>SigningController</name>
    <message>
        <source>{code}: the {what} is already being signed.</source>
        <translation>{code}: the {what} is already being signed.</translation>
    </message>
    <message>
        <source>Signing the {what} of {code}…</source>
        <translation>Signing the {what} of {code}…</translation>
    </message>
    <message>
        <source>The PIN or password just entered is wrong; nothing was signed. Enter it again.</source>
        <translation>The PIN or password just entered is wrong; nothing was signed. Enter it again.</translation>
    </message>
    <message>
        <source>{code}: nothing was signed</source>
        <translation>{code}: nothing was signed</translation>
    </message>
</context>
<context>
    <name>OcrReviewWidget</name>
    <message>
        <source>Field</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Confidence</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Values read from the document</source>
        <translation>Values read from the document</translation>
    </message>
    <message>
        <source>Select a value to see where it was read; type to correct it.</source>
        <translation>Select a value to see where it was read; type to correct it.</translation>
    </message>
    <message>
        <source>The machine is not sure of this value: please check it.</source>
        <translation>The machine is not sure of this value: please check it.</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>Personal ID number</source>
        <translation>Personal ID number</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>Place of origin</source>
        <translation>Place of origin</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Valid until</translation>
    </message>
    <message>
        <source>Date of issue</source>
        <translation>Date of issue</translation>
    </message>
    <message>
        <source>Place of birth registration</source>
        <translation>Place of birth registration</translation>
    </message>
    <message>
        <source>Permanent residence</source>
        <translation>Permanent residence</translation>
    </message>
    <message>
        <source>Residence</source>
        <translation>Residence</translation>
    </message>
    <message>
        <source>Mother's name</source>
        <translation>Mother's name</translation>
    </message>
    <message>
        <source>Father's name</source>
        <translation>Father's name</translation>
    </message>
    <message>
        <source>Child's name</source>
        <translation>Child's name</translation>
    </message>
    <message>
        <source>Place of birth</source>
        <translation>Place of birth</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Read by machine</source>
        <translation>Read by machine</translation>
    </message>
    <message>
        <source>Corrected by officer</source>
        <translation>Corrected by officer</translation>
    </message>
    <message>
        <source>Card QR code</source>
        <translation>Card QR code</translation>
    </message>
    <message>
        <source>Typed</source>
        <translation>Typed</translation>
    </message>
    <message>
        <source>Online portal</source>
        <translation>Online portal</translation>
    </message>
    <message>
        <source>Page {page} of {total}</source>
        <translation>Page {page} of {total}</translation>
    </message>
    <message>
        <source>No image</source>
        <translation>No image</translation>
    </message>
</context>
<context>
    <name>OcrController</name>
    <message>
        <source>Looking for scanners…</source>
        <translation>Looking for scanners…</translation>
    </message>
    <message>
        <source>Scanning on {scanner}…</source>
        <translation>Scanning on {scanner}…</translation>
    </message>
    <message>
        <source>Scan cancelled; nothing was attached.</source>
        <translation>Scan cancelled; nothing was attached.</translation>
    </message>
    <message>
        <source>Document attached and read; please check the values.</source>
        <translation>Document attached and read; please check the values.</translation>
    </message>
</context>
<context>
    <name>OcrReviewDialog</name>
    <message>
        <source>Check the values read from the document</source>
        <translation>Check the values read from the document</translation>
    </message>
    <message>
        <source>Read with OCR</source>
        <translation>Read with OCR</translation>
    </message>
    <message>
        <source>Reading the document…</source>
        <translation>Reading the document…</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../officer_desk/ui/conflict_dialog.py" line="31" />
        <source>Sync conflict — {code}</source>
        <translation>Sync conflict — {code}</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/conflict_dialog.py" line="36" />
        <source>Another desk used the same dossier code for a different citizen or procedure. Both dossiers are kept: this desk's dossier gets a new code.</source>
        <translation>Another desk used the same dossier code for a different citizen or procedure. Both dossiers are kept: this desk's dossier gets a new code.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/conflict_dialog.py" line="41" />
        <source>This desk and the server changed the same information. Choose which value to keep.</source>
        <translation>This desk and the server changed the same information. Choose which value to keep.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/conflict_dialog.py" line="45" />
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/conflict_dialog.py" line="45" />
        <source>On this desk</source>
        <translation>On this desk</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/conflict_dialog.py" line="45" />
        <source>On the server</source>
        <translation>On the server</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/conflict_dialog.py" line="45" />
        <source>Keep</source>
        <translation>Keep</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/conflict_dialog.py" line="51" />
        <source>This desk's value</source>
        <translation>This desk's value</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/conflict_dialog.py" line="52" />
        <source>The server's value</source>
        <translation>The server's value</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/conflict_dialog.py" line="63" />
        <source>Keep both (new code for this desk's dossier)</source>
        <translation>Keep both (new code for this desk's dossier)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/conflict_dialog.py" line="67" />
        <source>Keep this desk's version</source>
        <translation>Keep this desk's version</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/conflict_dialog.py" line="70" />
        <source>Keep the server's version</source>
        <translation>Keep the server's version</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/conflict_dialog.py" line="73" />
        <source>Keep the values chosen per field</source>
        <translation>Keep the values chosen per field</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/conflict_dialog.py" line="78" />
        <source>Decide later</source>
        <translation>Decide later</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/conflict_dialog.py" line="91" />
        <source>The conflict could not be resolved; nothing was changed.</source>
        <translation>The conflict could not be resolved; nothing was changed.</translation>
    </message>
</context>
<context>
    <name>LiveUpdates</name>
    <message>
        <location filename="../../officer_desk/ui/controllers/live_updates.py" line="43" />
        <source>Changed by {name} — reloaded.</source>
        <translation>Changed by {name} — reloaded.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/live_updates.py" line="44" />
        <source>another desk</source>
        <translation>another desk</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <location filename="../../officer_desk/ui/controllers/sync_controller.py" line="49" />
        <source>No sync server is configured for this desk (sync_url in the settings).</source>
        <translation>No sync server is configured for this desk (sync_url in the settings).</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/sync_controller.py" line="64" />
        <source>The center's server is out of reach; changes wait in the outbox.</source>
        <translation>The center's server is out of reach; changes wait in the outbox.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/sync_controller.py" line="68" />
        <source>Synced. {n} dossier(s) in conflict wait for a supervisor.</source>
        <translation>Synced. {n} dossier(s) in conflict wait for a supervisor.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/sync_controller.py" line="71" />
        <source>Synced: {sent} sent, {received} received.</source>
        <translation>Synced: {sent} sent, {received} received.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/sync_controller.py" line="86" />
        <source>⚠ {days} days without sync (limit {limit}): connect to the center or send a USB bundle.</source>
        <translation>⚠ {days} days without sync (limit {limit}): connect to the center or send a USB bundle.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/sync_controller.py" line="1" />
        <source>USB bundle</source>
        <translation>USB bundle</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/sync_controller.py" line="1" />
        <source>No center or desk is trusted on this desk yet. The administrator first trusts the identity of the place that will receive the bundle.</source>
        <translation>No center or desk is trusted on this desk yet. The administrator first trusts the identity of the place that will receive the bundle.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/sync_controller.py" line="1" />
        <source>Who will receive the bundle?</source>
        <translation>Who will receive the bundle?</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/sync_controller.py" line="1" />
        <source>Save the USB bundle</source>
        <translation>Save the USB bundle</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/sync_controller.py" line="1" />
        <source>Officer Desk bundle (*.odb)</source>
        <translation>Officer Desk bundle (*.odb)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/sync_controller.py" line="1" />
        <source>Writing the bundle…</source>
        <translation>Writing the bundle…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/controllers/sync_controller.py" line="1" />
        <source>Bundle written: {n} dossier(s) in {file}. Carry it to the center.</source>
        <translation>Bundle written: {n} dossier(s) in {file}. Carry it to the center.</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../officer_desk/ui/sync_page.py" line="32" />
        <source>Sync</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/sync_page.py" line="41" />
        <source>Dossier</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/sync_page.py" line="41" />
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/sync_page.py" line="41" />
        <source>Why</source>
        <translation>Why</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/sync_page.py" line="47" />
        <source>Sync now</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/sync_page.py" line="52" />
        <source>Resolve conflict…</source>
        <translation>Resolve conflict…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/sync_page.py" line="55" />
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/sync_page.py" line="75" />
        <source>This desk has never synced.</source>
        <translation>This desk has never synced.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/sync_page.py" line="77" />
        <source>Last sync: {days} day(s) ago.</source>
        <translation>Last sync: {days} day(s) ago.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/sync_page.py" line="79" />
        <source>More than {limit} days without sync: connect to the center or send a USB bundle.</source>
        <translation>More than {limit} days without sync: connect to the center or send a USB bundle.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/sync_page.py" line="89" />
        <source>A supervisor resolves sync conflicts.</source>
        <translation>A supervisor resolves sync conflicts.</translation>
    </message>
</context>
<context>
    <name>AlertsBar</name>
    <message>
        <source>Due today: {count} dossiers — show them</source>
        <translation>Due today: {count} dossiers — show them</translation>
    </message>
    <message>
        <source>The due date has passed: issue an apology with a new appointment (Mẫu 05) or finish them first</source>
        <translation>The due date has passed: issue an apology with a new appointment (Mẫu 05) or finish them first</translation>
    </message>
    <message>
        <source>Overdue: {count} dossiers — show them</source>
        <translation>Overdue: {count} dossiers — show them</translation>
    </message>
</context>
<context>
    <name>ApologyDialog</name>
    <message>
        <source>Issue the apology</source>
        <translation>Issue the apology</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <source>Why is the result late? (printed for the citizen)</source>
        <translation>Why is the result late? (printed for the citizen)</translation>
    </message>
    <message>
        <source>New &amp;appointment:</source>
        <translation>New &amp;appointment:</translation>
    </message>
    <message>
        <source>The result was due on {due}. The citizen receives a signed apology with the new date; the dossier's due date becomes that date.</source>
        <translation>The result was due on {due}. The citizen receives a signed apology with the new date; the dossier's due date becomes that date.</translation>
    </message>
    <message>
        <source>Apology and new appointment — {code}</source>
        <translation>Apology and new appointment — {code}</translation>
    </message>
</context>
<context>
    <name>CasePanel</name>
    <message>
        <source>Issued documents ({count})</source>
        <translation>Issued documents ({count})</translation>
    </message>
</context>
<context>
    <name>Documents</name>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Requirements checklist</source>
        <translation>Requirements checklist</translation>
    </message>
    <message>
        <source>Processing control sheet</source>
        <translation>Processing control sheet</translation>
    </message>
    <message>
        <source>Result return slip</source>
        <translation>Result return slip</translation>
    </message>
    <message>
        <source>Apology and new appointment</source>
        <translation>Apology and new appointment</translation>
    </message>
    <message>
        <source>Refusal notice</source>
        <translation>Refusal notice</translation>
    </message>
    <message>
        <source>Supplement request</source>
        <translation>Supplement request</translation>
    </message>
    <message>
        <source>Receipt and appointment</source>
        <translation>Receipt and appointment</translation>
    </message>
</context>
<context>
    <name>DocumentsPanel</name>
    <message>
        <source>signed</source>
        <translation>signed</translation>
    </message>
    <message>
        <source>signed, timestamp pending</source>
        <translation>signed, timestamp pending</translation>
    </message>
    <message>
        <source>issued, not printed</source>
        <translation>issued, not printed</translation>
    </message>
    <message>
        <source>saved as PDF</source>
        <translation>saved as PDF</translation>
    </message>
    <message>
        <source>printed</source>
        <translation>printed</translation>
    </message>
    <message>
        <source>reprint</source>
        <translation>reprint</translation>
    </message>
    <message>
        <source>No document has been issued for this case yet.</source>
        <translation>No document has been issued for this case yet.</translation>
    </message>
    <message>
        <source>Enter or double-click opens a document to print it again or save it.</source>
        <translation>Enter or double-click opens a document to print it again or save it.</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Issued at</source>
        <translation>Issued at</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>Signed by</translation>
    </message>
    <message>
        <source>Register no.</source>
        <translation>Register no.</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
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
        <translation>Save PDF</translation>
    </message>
    <message>
        <source>Sending to the printer…</source>
        <translation>Sending to the printer…</translation>
    </message>
    <message>
        <source>no printer is set up on this computer (Settings › Printer)</source>
        <translation>no printer is set up on this computer (Settings › Printer)</translation>
    </message>
    <message>
        <source>Reprint: the paper is marked “Bản in lại”.</source>
        <translation>Reprint: the paper is marked “Bản in lại”.</translation>
    </message>
    <message>
        <source>Issued and signed, not printed yet.</source>
        <translation>Issued and signed, not printed yet.</translation>
    </message>
    <message>
        <source>&amp;Save as PDF… (Ctrl+S)</source>
        <translation>&amp;Save as PDF… (Ctrl+S)</translation>
    </message>
    <message>
        <source>&amp;Print (Ctrl+P)</source>
        <translation>&amp;Print (Ctrl+P)</translation>
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
        <translation>Later</translation>
    </message>
    <message>
        <source>It is signed and kept with the case as “issued, not printed” until it is printed or saved. Check the printer (paper, power, cable) and press Retry, or choose a printer in Settings › Printer.</source>
        <translation>It is signed and kept with the case as “issued, not printed” until it is printed or saved. Check the printer (paper, power, cable) and press Retry, or choose a printer in Settings › Printer.</translation>
    </message>
    <message>
        <source>The {what} was not printed: {reason}</source>
        <translation>The {what} was not printed: {reason}</translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation>Not printed</translation>
    </message>
</context>
<context>
    <name>RegisterPanel</name>
    <message>
        <location filename="../../officer_desk/ui/register_view.py" line="1" />
        <source>&amp;Received from:</source>
        <translation>&amp;Received from:</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/register_view.py" line="1" />
        <source>&amp;Show the book</source>
        <translation>&amp;Show the book</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/register_view.py" line="1" />
        <source>Processing &amp;control sheet</source>
        <translation>Processing &amp;control sheet</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/register_view.py" line="1" />
        <source>The control sheet of the selected dossier (or double-click a row)</source>
        <translation>The control sheet of the selected dossier (or double-click a row)</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/register_view.py" line="1" />
        <source>The first day is after the last day: choose the period again.</source>
        <translation>The first day is after the last day: choose the period again.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/register_view.py" line="1" />
        <source>Reading the book…</source>
        <translation>Reading the book…</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/register_view.py" line="1" />
        <source>The book could not be read: {reason}</source>
        <translation>The book could not be read: {reason}</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/register_view.py" line="1" />
        <source>{period}: the first {n} dossiers are shown; choose a shorter period to see the rest.</source>
        <translation>{period}: the first {n} dossiers are shown; choose a shorter period to see the rest.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/register_view.py" line="1" />
        <source>{period}: {n} dossiers. Double-click a row for its processing control sheet.</source>
        <translation>{period}: {n} dossiers. Double-click a row for its processing control sheet.</translation>
    </message>
    <message>
        <location filename="../../officer_desk/ui/register_view.py" line="1" />
        <source>Register book</source>
        <translation>Register book</translation>
    </message>
</context>
<context>
    <name>ScannerChoiceDialog</name>
    <message>
        <source>Scan from scanner</source>
        <translation>Scan from scanner</translation>
    </message>
    <message>
        <source>Scanner:</source>
        <translation>Scanner:</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>Scan</translation>
    </message>
</context>
<context>
    <name>QueuePreview</name>
    <message>
        <location filename="../../officer_desk/ui/queue_preview.py" line="99" />
        <source>Opening the desk…</source>
        <translation>Opening the desk…</translation>
    </message>
</context>
</TS>
