<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ConnectionStatusText</name>
    <message numerus="yes">
        <source>Reconnecting in %n s</source>
        <translation>
            <numerusform>Reconnecting in %n s</numerusform>
            <numerusform>Reconnecting in %n s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · %n failed attempt(s)</source>
        <translation>
            <numerusform> · %n failed attempt</numerusform>
            <numerusform> · %n failed attempts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MessageImport</name>
    <message numerus="yes">
        <source>%n line(s) skipped</source>
        <translation>
            <numerusform>%n line skipped</numerusform>
            <numerusform>%n lines skipped</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecordingStatusText</name>
    <message numerus="yes">
        <source>%1 · %Ln message(s)</source>
        <translation>
            <numerusform>%1 · %Ln message</numerusform>
            <numerusform>%1 · %Ln messages</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mqttscope</name>
    <message numerus="yes">
        <source>%n byte(s), not shown</source>
        <translation>
            <numerusform>%n byte, not shown</numerusform>
            <numerusform>%n bytes, not shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n byte</numerusform>
            <numerusform>%n bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mqttscope::Codec</name>
    <message numerus="yes">
        <source>%n unexpected byte(s) after the end of the packet</source>
        <translation>
            <numerusform>%n unexpected byte after the end of the packet</numerusform>
            <numerusform>%n unexpected bytes after the end of the packet</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mqttscope::ConnectionManagerDialog</name>
    <message numerus="yes">
        <source>Imported %n profile(s).</source>
        <translation>
            <numerusform>Imported %n profile.</numerusform>
            <numerusform>Imported %n profiles.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n profile(s) without passwords.</source>
        <translation>
            <numerusform>Exported %n profile without passwords.</numerusform>
            <numerusform>Exported %n profiles without passwords.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mqttscope::ConnectionTab</name>
    <message numerus="yes">
        <source>Delete %n retained message(s) under %1?
An empty retained message is published to each topic.</source>
        <translation>
            <numerusform>Delete %n retained message under %1?
An empty retained message is published to each topic.</numerusform>
            <numerusform>Delete %n retained messages under %1?
An empty retained message is published to each topic.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n retained message(s) here…</source>
        <translation>
            <numerusform>Delete %n retained message here…</numerusform>
            <numerusform>Delete %n retained messages here…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleting %n retained message(s) under %1…</source>
        <translation>
            <numerusform>Deleting %n retained message under %1…</numerusform>
            <numerusform>Deleting %n retained messages under %1…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n retained message(s) under %1.</source>
        <translation>
            <numerusform>Deleted %n retained message under %1.</numerusform>
            <numerusform>Deleted %n retained messages under %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mqttscope::PublishPanel</name>
    <message numerus="yes">
        <source>%1 · QoS %2%3 · %n byte(s) · sending…</source>
        <translation>
            <numerusform>%1 · QoS %2%3 · %n byte · sending…</numerusform>
            <numerusform>%1 · QoS %2%3 · %n bytes · sending…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mqttscope::ReplayDialog</name>
    <message numerus="yes">
        <source>The history of %1 (%n message(s) kept)</source>
        <translation>
            <numerusform>The history of %1 (%n message kept)</numerusform>
            <numerusform>The history of %1 (%n messages kept)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) not acknowledged.</source>
        <translation>
            <numerusform>%n message not acknowledged.</numerusform>
            <numerusform>%n messages not acknowledged.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mqttscope::SavedMessagesPanel</name>
    <message numerus="yes">
        <source>Imported %n message(s).</source>
        <translation>
            <numerusform>Imported %n message.</numerusform>
            <numerusform>Imported %n messages.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n message(s).</source>
        <translation>
            <numerusform>Exported %n message.</numerusform>
            <numerusform>Exported %n messages.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mqttscope::SearchPanel</name>
    <message numerus="yes">
        <source>Exported %n message(s) to %1</source>
        <translation>
            <numerusform>Exported %n message to %1</numerusform>
            <numerusform>Exported %n messages to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) found</source>
        <translation>
            <numerusform>%n message found</numerusform>
            <numerusform>%n messages found</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mqttscope::StartPage</name>
    <message numerus="yes">
        <source>Reopen last session (%n tab(s))</source>
        <translation>
            <numerusform>Reopen last session (%n tab)</numerusform>
            <numerusform>Reopen last session (%n tabs)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mqttscope::TopicTreeModel</name>
    <message numerus="yes">
        <source>%1 · %n issue(s): %2</source>
        <translation>
            <numerusform>%1 · %n issue: %2</numerusform>
            <numerusform>%1 · %n issues: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n issue(s), the last: %1</source>
        <translation>
            <numerusform>%n issue, the last: %1</numerusform>
            <numerusform>%n issues, the last: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mqttscope::TopicTreePane</name>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
</context>
</TS>
