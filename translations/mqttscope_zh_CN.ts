<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ConnectionStatusText</name>
    <message>
        <location filename="../ui/connectionstatustext.cpp" line="+28"/>
        <source>connecting</source>
        <translation>正在连接</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>connected</source>
        <translation>已连接</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>reconnecting</source>
        <translation>正在重连</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>disconnected</source>
        <translation>已断开</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Connecting to %1…</source>
        <translation>正在连接到 %1…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connected to %1 (MQTT %2)</source>
        <translation>已连接到 %1（MQTT %2）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> · ping %1 ms</source>
        <translation> · 延迟 %1 毫秒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> · catching up…</source>
        <translation> · 正在处理积压消息…</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Reconnecting in %n s</source>
        <translation>
            <numerusform>%n 秒后重连</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source> · %n failed attempt(s)</source>
        <translation>
            <numerusform> · 已失败 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not reconnecting: %1</source>
        <translation>不再重连：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disconnected</source>
        <translation>已断开</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Disconnected: %1</source>
        <translation>已断开：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>In %1 msg/s, %2/s · out %3 msg/s, %4/s · total in %5 (%6), out %7 (%8)</source>
        <translation>收 %1 条/秒，%2/秒 · 发 %3 条/秒，%4/秒 · 共收 %5（%6），发 %7（%8）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The certificate of %1 is not trusted</source>
        <translation>%1 的证书不受信任</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TLS with %1 cannot be set up</source>
        <translation>无法与 %1 建立 TLS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The proxy to %1 refused the user name or password</source>
        <translation>通往 %1 的代理服务器拒绝了用户名或密码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 refused the connection</source>
        <translation>%1 拒绝了连接</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Check the user name and password of this connection.</source>
        <translation>请检查此连接的用户名和密码。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The broker does not let this client in: check the user name, the client id and the broker&apos;s access rules.</source>
        <translation>代理不允许此客户端接入：请检查用户名、客户端 ID 以及代理的访问规则。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The broker rejects the client id: check its length and characters, or leave it empty for one of the broker&apos;s choice.</source>
        <translation>代理拒绝了客户端 ID：请检查其长度和字符，或留空由代理分配。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check the authentication method and data of this connection.</source>
        <translation>请检查此连接的认证方法和认证数据。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The broker asks to be reached elsewhere: check the host of this connection.</source>
        <translation>代理要求改用其他地址：请检查此连接的主机。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The broker refuses what the CONNECT asks for: check the last will (topic, QoS, retain) and the maximum packet size.</source>
        <translation>代理拒绝了 CONNECT 的请求：请检查遗嘱消息（主题、QoS、保留）和最大报文大小。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The broker speaks none of the MQTT versions offered: choose another version for this connection.</source>
        <translation>代理不支持所提供的任何 MQTT 版本：请为此连接选择其他版本。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The broker&apos;s certificate is not trusted: check the CA certificate and the host name, or, for a test broker only, turn off “Verify the broker&apos;s certificate and host name”.</source>
        <translation>代理的证书不受信任：请检查 CA 证书和主机名；仅对测试代理，可关闭“验证代理的证书和主机名”。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check the client certificate, its key and passphrase, and the TLS version the broker accepts.</source>
        <translation>请检查客户端证书、其私钥和口令，以及代理接受的 TLS 版本。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check the proxy&apos;s user name and password of this connection.</source>
        <translation>请检查此连接的代理服务器用户名和密码。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Check the host, the port and the transport of this connection.</source>
        <translation>请检查此连接的主机、端口和传输方式。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>max QoS %1</source>
        <translation>最大 QoS %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>receive max %1</source>
        <translation>接收最大值 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>max packet %1</source>
        <translation>最大报文 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>topic aliases %1</source>
        <translation>主题别名 %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>no retain</source>
        <translation>不支持保留</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no wildcards</source>
        <translation>不支持通配符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no shared subscriptions</source>
        <translation>不支持共享订阅</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no subscription ids</source>
        <translation>不支持订阅标识符</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>keepalive %1 s</source>
        <translation>保活 %1 秒</translation>
    </message>
</context>
<context>
    <name>ConnectionTab</name>
    <message>
        <location filename="../ui/topicpresentation.cpp" line="+39"/>
        <source>Some .proto files of this connection did not compile</source>
        <translation>此连接的部分 .proto 文件未能编译</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Their message types are shown as hex until fixed.</source>
        <translation>在修复之前，其消息类型以十六进制显示。</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Unmute (%1)</source>
        <translation>取消静音（%1）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Mute topic</source>
        <translation>静音此主题</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mute subtree</source>
        <translation>静音此子树</translation>
    </message>
</context>
<context>
    <name>ConnectionTestReport</name>
    <message>
        <location filename="../ui/connectiontestreport.cpp" line="+27"/>
        <source>Accepted by %1 with MQTT %2.</source>
        <translation>%1 已接受连接（MQTT %2）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refused by %1: %2</source>
        <translation>%1 拒绝：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No answer from %1 within %2 s.</source>
        <translation>%1 在 %2 秒内没有应答。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Broker limits: MQTT %1 brokers announce none.</source>
        <translation>代理限制：MQTT %1 代理不公布限制。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Broker limits: none announced.</source>
        <translation>代理限制：未公布。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Broker limits: %1.</source>
        <translation>代理限制：%1。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>TLS: %1, %2.</source>
        <translation>TLS：%1，%2。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Certificate: %1, issued by %2, expired on %3.</source>
        <translation>证书：%1，颁发者 %2，已于 %3 过期。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate: %1, issued by %2, valid until %3.</source>
        <translation>证书：%1，颁发者 %2，有效期至 %3。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>TLS problem: %1</source>
        <translation>TLS 问题：%1</translation>
    </message>
</context>
<context>
    <name>DecodedPayloads</name>
    <message>
        <location filename="../core/explorer/decodedpayloads.cpp" line="+50"/>
        <source>seq %1</source>
        <translation>seq %1</translation>
    </message>
</context>
<context>
    <name>ExportSink</name>
    <message>
        <location filename="../core/search/exportsink.cpp" line="+24"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>JsonPredicate</name>
    <message>
        <location filename="../core/search/jsonpredicate.cpp" line="+100"/>
        <source>&apos;contains&apos; needs a string, number or boolean</source>
        <translation>“contains”需要字符串、数字或布尔值</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>&apos;=&apos; is not a comparison: write &apos;==&apos;</source>
        <translation>“=”不是比较运算符：请写“==”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>expected a comparison: ==, !=, &lt;, &lt;=, &gt;, &gt;= or contains</source>
        <translation>应为比较运算符：==、!=、&lt;、&lt;=、&gt;、&gt;= 或 contains</translation>
    </message>
</context>
<context>
    <name>MessageImport</name>
    <message numerus="yes">
        <location filename="../core/search/messageimport.cpp" line="+155"/>
        <source>%n line(s) skipped</source>
        <translation>
            <numerusform>跳过了 %n 行</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PayloadDecoder</name>
    <message>
        <location filename="../core/decode/payloaddecoder.cpp" line="+57"/>
        <source>%1 bytes are more than the %2 MiB decoded at most</source>
        <translation>%1 字节超过了最多解码的 %2 MiB</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>no .proto files are loaded for message type %1</source>
        <translation>没有为消息类型 %1 加载 .proto 文件</translation>
    </message>
</context>
<context>
    <name>PayloadEncoding</name>
    <message>
        <location filename="../core/decode/payloadencoding.cpp" line="+55"/>
        <source>Automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Base64</source>
        <translation>Base64</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CBOR</source>
        <translation>CBOR</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Image</source>
        <translation>图像</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sparkplug B</source>
        <translation>Sparkplug B</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Protobuf</source>
        <translation>Protobuf</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>MessagePack</source>
        <translation>MessagePack</translation>
    </message>
</context>
<context>
    <name>PayloadFormat</name>
    <message>
        <location filename="../core/explorer/payloadformat.cpp" line="+141"/>
        <source>Empty</source>
        <translation>空</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Number</source>
        <translation>数字</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CBOR</source>
        <translation>CBOR</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PNG image</source>
        <translation>PNG 图像</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>JPEG image</source>
        <translation>JPEG 图像</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>GIF image</source>
        <translation>GIF 图像</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>WebP image</source>
        <translation>WebP 图像</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>BMP image</source>
        <translation>BMP 图像</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Binary</source>
        <translation>二进制</translation>
    </message>
</context>
<context>
    <name>PayloadPreview</name>
    <message>
        <location filename="../core/explorer/payloadpreview.cpp" line="+28"/>
        <source>[%1, %2]</source>
        <translation>[%1, %2]</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>%1 (%2 binary)</source>
        <translation>%1（%2 二进制）</translation>
    </message>
</context>
<context>
    <name>PayloadViewFormat</name>
    <message>
        <location filename="../ui/views/payloadviewformat.cpp" line="+65"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Base64</source>
        <translation>Base64</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CBOR</source>
        <translation>CBOR</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Image</source>
        <translation>图像</translation>
    </message>
</context>
<context>
    <name>ProtobufSchemas</name>
    <message>
        <location filename="../core/decode/protobufschemas.cpp" line="+395"/>
        <source>field %1 at byte %2: the length runs past the end</source>
        <translation>字段 %1（字节 %2）：长度超出了末尾</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>field %1 at byte %2: length %3 runs past the end (%4 bytes)</source>
        <translation>字段 %1（字节 %2）：长度 %3 超出了末尾（%4 字节）</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>field %1 at byte %2: the text is not valid UTF-8</source>
        <translation>字段 %1（字节 %2）：文本不是有效的 UTF-8</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>byte %1: the field tag runs past the end</source>
        <translation>字节 %1：字段标签超出了末尾</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>field %1 at byte %2: not a valid field number</source>
        <translation>字段 %1（字节 %2）：不是有效的字段编号</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>field %1 at byte %2: the number runs past the end</source>
        <translation>字段 %1（字节 %2）：数字超出了末尾</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>field %1 at byte %2: the fixed-size value runs past the end</source>
        <translation>字段 %1（字节 %2）：定长值超出了末尾</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>field %1 at byte %2: unknown wire type</source>
        <translation>字段 %1（字节 %2）：未知的线路类型（wire type）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>required fields are missing: %1</source>
        <translation>缺少必需字段：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not a valid %1 message</source>
        <translation>不是有效的 %1 消息</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>hidden by another file of the same name: %1</source>
        <translation>被另一个同名文件遮蔽：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>cannot be read</source>
        <translation>无法读取</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+21"/>
        <source>the message type %1 is not in the schemas</source>
        <translation>消息类型 %1 不在架构中</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>nested deeper than %1 levels</source>
        <translation>嵌套超过 %1 层</translation>
    </message>
</context>
<context>
    <name>RecordingReader</name>
    <message>
        <location filename="../core/recording/recordingreader.cpp" line="+104"/>
        <source>%1 does not exist</source>
        <translation>%1 不存在</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
</context>
<context>
    <name>RecordingStatusText</name>
    <message>
        <location filename="../ui/recordingstatustext.cpp" line="+21"/>
        <source>Not recording</source>
        <translation>未在录制</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recording</source>
        <translation>正在录制</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recording stopped</source>
        <translation>录制已停止</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recording failed</source>
        <translation>录制失败</translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%1 · %Ln message(s)</source>
        <translation>
            <numerusform>%1 · %Ln 条消息</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source> · %1 of %2</source>
        <translation> · %1/%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> · %1 dropped</source>
        <translation> · 已丢弃 %1 条</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> · %1 waiting</source>
        <translation> · %1 条等待写入</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The recording to %1 failed; what was written before is kept</source>
        <translation>录制到 %1 失败；此前已写入的内容会保留</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The recording to %1 stopped</source>
        <translation>录制到 %1 已停止</translation>
    </message>
</context>
<context>
    <name>Sparkplug</name>
    <message>
        <location filename="../core/decode/sparkplugarrays.cpp" line="+87"/>
        <source>a BooleanArray needs a 4-byte count</source>
        <translation>BooleanArray 需要 4 字节的计数</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>a BooleanArray of %1 values has %2 bytes</source>
        <translation>包含 %1 个值的 BooleanArray 有 %2 字节</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>%1 bytes are not a whole number of %2-byte elements</source>
        <translation>%1 字节不是 %2 字节元素的整数倍</translation>
    </message>
</context>
<context>
    <name>TopicFilter</name>
    <message>
        <location filename="../core/explorer/topicfilter.cpp" line="+149"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/demo/main.cpp" line="+28"/>
        <source>Plays realistic device traffic (JSON telemetry, retained status, binary, CBOR and image payloads, MQTT 5 properties) to a broker until stopped.</source>
        <translation>向代理持续发送逼真的设备流量（JSON 遥测、保留状态、二进制、CBOR 和图像负载、MQTT 5 属性），直到被停止。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Broker URL: mqtt[s]://|ws[s]://[user[:pass]@]host[:port][/path].</source>
        <translation>代理 URL：mqtt[s]://|ws[s]://[user[:pass]@]host[:port][/path]。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Number of simulated sensors.</source>
        <translation>模拟传感器的数量。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Messages per second at most.</source>
        <translation>每秒最多发送的消息数。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>First topic level of everything published.</source>
        <translation>所有发布内容的第一级主题。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stop after this many seconds (0: run until killed).</source>
        <translation>运行这么多秒后停止（0：一直运行直到被终止）。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Client identifier (default: chosen by the broker).</source>
        <translation>客户端标识符（默认：由代理分配）。</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>mqttscope-demo: invalid --url: %1</source>
        <translation>mqttscope-demo：无效的 --url：%1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>mqttscope-demo: --sensors and --rate must be positive numbers, --duration zero or more, --root not empty</source>
        <translation>mqttscope-demo：--sensors 和 --rate 必须是正数，--duration 必须大于或等于零，--root 不能为空</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>mqttscope-demo: connected to %1, publishing %2 sensors at up to %3 msg/s under %4/</source>
        <translation>mqttscope-demo：已连接到 %1，正在以最多 %3 条/秒的速率在 %4/ 下发布 %2 个传感器的数据</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>mqttscope-demo: disconnected: %1</source>
        <translation>mqttscope-demo：已断开：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>mqttscope-demo: connection refused (reason 0x%1)</source>
        <translation>mqttscope-demo：连接被拒绝（原因码 0x%1）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>mqttscope-demo: %1 messages published</source>
        <translation>mqttscope-demo：已发布 %1 条消息</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="+163"/>
        <source>A fast native MQTT 3.1.1/5.0 explorer.</source>
        <translation>快速的原生 MQTT 3.1.1/5.0 浏览器。</translation>
    </message>
    <message>
        <location line="-71"/>
        <source>Connect at once to &lt;url&gt;: mqtt[s]://|ws[s]://[user[:pass]@]host[:port]/path</source>
        <translation>立即连接到 &lt;url&gt;：mqtt[s]://|ws[s]://[user[:pass]@]host[:port]/path</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open the saved connection named &lt;name&gt;.</source>
        <translation>打开名为 &lt;name&gt; 的已保存连接。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Call the connection opened from a URL &lt;name&gt;.</source>
        <translation>将从 URL 打开的连接命名为 &lt;name&gt;。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Record the connection opened by --url or --profile to &lt;file&gt;, as its Record button does.</source>
        <translation>将 --url 或 --profile 打开的连接录制到 &lt;file&gt;，与其“录制”按钮的作用相同。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>In the connection opened from a URL, decode topics matching &lt;filter&gt; as &lt;format&gt; (text, json, hex, base64, cbor, image, sparkplug, protobuf:&lt;type&gt;, msgpack); repeatable, the first match wins.</source>
        <translation>在从 URL 打开的连接中，将与 &lt;filter&gt; 匹配的主题按 &lt;format&gt;（text、json、hex、base64、cbor、image、sparkplug、protobuf:&lt;type&gt;、msgpack）解码；可重复，第一个匹配的生效。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A .proto file whose message types --decode can name; repeatable.</source>
        <translation>一个 .proto 文件，--decode 可引用其中的消息类型；可重复。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A folder where imports of the .proto files are found; repeatable.</source>
        <translation>查找 .proto 文件所导入文件的文件夹；可重复。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Invalid --decode: %1</source>
        <translation>无效的 --decode：%1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>A broker URL to connect to, as with --url, or a recording file to open.</source>
        <translation>要连接的代理 URL（与 --url 相同），或要打开的录制文件。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>There is no saved connection named &quot;%1&quot;.</source>
        <translation>没有名为“%1”的已保存连接。</translation>
    </message>
</context>
<context>
    <name>mqttscope</name>
    <message>
        <location filename="../core/client/reasondescription.cpp" line="+24"/>
        <source>use another server: %1</source>
        <translation>请使用其他服务器：%1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>return code %1</source>
        <translation>返回码 %1</translation>
    </message>
    <message>
        <location filename="../core/profiles/profileproblems.cpp" line="+36"/>
        <source>The file %1 does not exist</source>
        <translation>文件 %1 不存在</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file %1 cannot be read</source>
        <translation>无法读取文件 %1</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>A profile needs a name</source>
        <translation>配置需要一个名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A host name or address is needed</source>
        <translation>需要主机名或地址</translation>
    </message>
    <message>
        <location line="-13"/>
        <location line="+15"/>
        <source>A host name has no spaces or slashes</source>
        <translation>主机名不能包含空格或斜杠</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>A proxy needs its host name or address</source>
        <translation>代理服务器需要主机名或地址</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A proxy password needs a user name</source>
        <translation>代理服务器密码需要配合用户名使用</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The path starts with /</source>
        <translation>路径必须以 / 开头</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A client id is at most 65535 bytes</source>
        <translation>客户端 ID 最长 65535 字节</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>An empty client id needs clean start: the broker would refuse it</source>
        <translation>空的客户端 ID 需要启用全新会话，否则代理会拒绝连接</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>A client certificate needs its key file</source>
        <translation>客户端证书需要对应的密钥文件</translation>
    </message>
    <message>
        <location filename="../core/transport/endpoint.cpp" line="+57"/>
        <source>Unterminated IPv6 address (missing &apos;]&apos;)</source>
        <translation>IPv6 地址未结束（缺少“]”）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unexpected text after the IPv6 address: %1</source>
        <translation>IPv6 地址后有多余的文本：%1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Missing host name</source>
        <translation>缺少主机名</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Invalid port: %1 (expected 1 to 65535)</source>
        <translation>无效端口：%1（应为 1 到 65535）</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Not a broker URL: %1 (expected mqtt://, mqtts://, ws:// or wss://)</source>
        <translation>不是代理 URL：%1（应为 mqtt://、mqtts://、ws:// 或 wss://）</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unknown URL scheme: %1 (expected mqtt, mqtts, ws or wss)</source>
        <translation>未知的 URL 协议：%1（应为 mqtt、mqtts、ws 或 wss）</translation>
    </message>
    <message>
        <location filename="../core/transport/tlsconfiguration.cpp" line="+31"/>
        <source>Cannot read %1 %2: %3</source>
        <translation>无法读取%1 %2：%3</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>No certificate found in %1 %2 (expected PEM)</source>
        <translation>%1 %2 中没有找到证书（应为 PEM 格式）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>CA directory %1 does not exist</source>
        <translation>CA 目录 %1 不存在</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No PEM certificate found in CA directory %1</source>
        <translation>CA 目录 %1 中没有找到 PEM 证书</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>key file</source>
        <translation>密钥文件</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Key file %1 is encrypted: a passphrase is needed</source>
        <translation>密钥文件 %1 已加密：需要密码短语</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot decrypt key file %1: wrong passphrase?</source>
        <translation>无法解密密钥文件 %1：密码短语错误？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot read key file %1 (expected a PEM RSA or EC private key)</source>
        <translation>无法读取密钥文件 %1（应为 PEM 格式的 RSA 或 EC 私钥）</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Cannot read PKCS#12 file %1: %2</source>
        <translation>无法读取 PKCS#12 文件 %1：%2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Cannot read PKCS#12 file %1: wrong passphrase or unsupported format</source>
        <translation>无法读取 PKCS#12 文件 %1：密码短语错误或格式不受支持</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Client certificate %1 given without its key file</source>
        <translation>给出了客户端证书 %1，但没有对应的密钥文件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Client key %1 given without its certificate file</source>
        <translation>给出了客户端密钥 %1，但没有对应的证书文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>client certificate</source>
        <translation>客户端证书</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>CA file</source>
        <translation>CA 文件</translation>
    </message>
    <message>
        <location filename="../ui/payloadinput.cpp" line="+35"/>
        <source>&apos;%1&apos; is not a hex digit</source>
        <translation>“%1”不是十六进制数字</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>An odd number of hex digits: each byte needs two</source>
        <translation>十六进制数字个数为奇数：每个字节需要两位</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Not valid base64</source>
        <translation>不是有效的 Base64</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Not valid JSON: %1 at offset %2</source>
        <translation>不是有效的 JSON：%1，位于偏移 %2</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Choose a file to send</source>
        <translation>请选择要发送的文件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location filename="../ui/views/messagepropertyrows.cpp" line="+21"/>
        <source>UTF-8 text</source>
        <translation>UTF-8 文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unspecified bytes</source>
        <translation>未指定的字节</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>invalid</source>
        <translation>无效</translation>
    </message>
    <message>
        <location filename="../core/inspector/packetdetails.cpp" line="+24"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../core/inspector/packetflow.cpp" line="+77"/>
        <location filename="../ui/views/messagepropertyrows.cpp" line="+6"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Protocol version</source>
        <translation>协议版本</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+36"/>
        <source>Client identifier</source>
        <translation>客户端标识符</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>(empty: the server assigns one)</source>
        <translation>（空：由服务器分配）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clean start</source>
        <translation>全新会话</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Clean session</source>
        <translation>清除会话</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+36"/>
        <source>Keep alive</source>
        <translation>保活时间</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+4"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n byte(s), not shown</source>
        <translation>
            <numerusform>%n 字节，不显示</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Will topic</source>
        <translation>遗嘱主题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Will QoS, retain</source>
        <translation>遗嘱 QoS、保留</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Will payload</source>
        <translation>遗嘱负载</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Will %1</source>
        <translation>遗嘱%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>asked %1, granted %2</source>
        <translation>请求 %1，授予 %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Session present</source>
        <translation>会话存在</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Return code</source>
        <translation>返回码</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Receive maximum (ours, the server&apos;s)</source>
        <translation>接收最大值（我方、服务器方）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Maximum packet size (ours, the server&apos;s)</source>
        <translation>最大报文大小（我方、服务器方）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Topic alias maximum (ours, the server&apos;s)</source>
        <translation>主题别名最大值（我方、服务器方）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Maximum QoS</source>
        <translation>最大 QoS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retain available</source>
        <translation>保留可用</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(from the topic alias)</source>
        <translation>（来自主题别名）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>QoS, retain, DUP</source>
        <translation>QoS、保留、DUP</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+38"/>
        <location line="+5"/>
        <location line="+6"/>
        <location line="+4"/>
        <location line="+5"/>
        <source>Packet identifier</source>
        <translation>报文标识符</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>Payload size</source>
        <translation>负载大小</translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <location line="+124"/>
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%n 字节</numerusform>
        </translation>
    </message>
    <message>
        <location line="-121"/>
        <source>%1 … (the first %2 bytes)</source>
        <translation>%1 …（前 %2 个字节）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payload</source>
        <translation>负载</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (QoS %2)</source>
        <translation>%1（QoS %2）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, no local %1, retain as published %2, retain handling %3</source>
        <translation>，不接收本地消息 %1，保留发布时的保留标志 %2，保留处理 %3</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Reason %1</source>
        <translation>原因 %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+23"/>
        <location line="+3"/>
        <source>Reason code</source>
        <translation>原因码</translation>
    </message>
    <message>
        <location line="-20"/>
        <location line="+9"/>
        <source>Filter %1</source>
        <translation>过滤器 %1</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Direction</source>
        <translation>方向</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>received</source>
        <translation>已接收</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fixed header flags</source>
        <translation>固定报头标志</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Does not decode</source>
        <translation>无法解码</translation>
    </message>
    <message>
        <location filename="../ui/views/payloadrendering.cpp" line="+111"/>
        <source>Not JSON: %1 at byte %2</source>
        <translation>不是 JSON：%1，位于第 %2 字节</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>Not CBOR: unexpected byte at %1</source>
        <translation>不是 CBOR：位置 %1 处有意外的字节</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not CBOR: %1 in the item at byte %2</source>
        <translation>不是 CBOR：第 %2 字节处的数据项%1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Not CBOR: the payload is empty</source>
        <translation>不是 CBOR：负载为空</translation>
    </message>
    <message>
        <location filename="../core/inspector/packetflow.cpp" line="-36"/>
        <source>QoS 1 publish</source>
        <translation>QoS 1 发布</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QoS 2 publish</source>
        <translation>QoS 2 发布</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>subscribe</source>
        <translation>订阅</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unsubscribe</source>
        <translation>取消订阅</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ping</source>
        <translation>心跳</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>open</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>complete</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>stuck</source>
        <translation>卡住</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>abandoned</source>
        <translation>已放弃</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unmatched</source>
        <translation>未匹配</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 µs</source>
        <translation>%1 微秒</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <location filename="../core/search/messageimport.cpp" line="-121"/>
        <source>not a topic: %1</source>
        <translation>不是主题：%1</translation>
    </message>
    <message>
        <location filename="../ui/importrecording.cpp" line="+54"/>
        <source>Import into recording</source>
        <translation>导入到录制文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>JSON lines or mosquitto_sub -v output (*.jsonl *.json *.txt *.log);;All files (*)</source>
        <translation>JSON Lines 或 mosquitto_sub -v 输出 (*.jsonl *.json *.txt *.log);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New recording</source>
        <translation>新建录制文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recordings (*.mqttrec *.sqlite *.db);;All files (*)</source>
        <translation>录制文件 (*.mqttrec *.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Imported %n message(s) into %1.</source>
        <translation>已将 %n 条消息导入 %1。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>mosquitto_sub -v output holds no time, QoS or properties: each message has the time of the import and QoS 0.</source>
        <translation>mosquitto_sub -v 输出不包含时间、QoS 或属性：每条消息的时间为导入时间，QoS 为 0。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%n line(s) could not be read and were skipped.</source>
        <translation>有 %n 行无法读取，已跳过。</translation>
    </message>
    <message>
        <location filename="../core/transport/proxysettings.cpp" line="+37"/>
        <source>Not a proxy URL: %1 (expected socks5h://host:port or http://host:port)</source>
        <translation>不是代理服务器 URL：%1（应为 socks5h://host:port 或 http://host:port）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>socks5:// is not supported: use socks5h://, which lets the proxy resolve host names</source>
        <translation>不支持 socks5://：请使用 socks5h://，它由代理服务器解析主机名</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unknown proxy scheme: %1 (expected socks5h or http)</source>
        <translation>未知的代理协议：%1（应为 socks5h 或 http）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A proxy URL has no path: %1</source>
        <translation>代理服务器 URL 不能带路径：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Invalid proxy port: 0</source>
        <translation>无效的代理服务器端口：0</translation>
    </message>
</context>
<context>
    <name>mqttscope::Codec</name>
    <message>
        <location filename="../core/protocol/bytereader.cpp" line="+25"/>
        <source>%1 is longer than 4 bytes</source>
        <translation>%1 超过 4 个字节</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 is not minimally encoded</source>
        <translation>%1 未使用最短编码</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 is not valid UTF-8 (%2)</source>
        <translation>%1 不是有效的 UTF-8（%2）</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%1 is truncated</source>
        <translation>%1 被截断</translation>
    </message>
    <message>
        <location filename="../core/protocol/codec.cpp" line="+78"/>
        <location line="+103"/>
        <source>reason code 0x%1 is not allowed in this packet</source>
        <translation>此报文中不允许原因码 0x%1</translation>
    </message>
    <message>
        <location line="-91"/>
        <source>packet identifier is 0</source>
        <translation>报文标识符为 0</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 contains a wildcard character</source>
        <translation>%1 包含通配符</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>unsupported protocol &quot;%1&quot; level %2</source>
        <translation>不支持的协议“%1”级别 %2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>reserved connect flag is set</source>
        <translation>设置了保留的连接标志</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>will QoS is 3</source>
        <translation>遗嘱 QoS 为 3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>will QoS or will retain set without a will</source>
        <translation>没有遗嘱却设置了遗嘱 QoS 或遗嘱保留</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>password flag set without user name flag</source>
        <translation>设置了密码标志但没有设置用户名标志</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>will topic is empty</source>
        <translation>遗嘱主题为空</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>reserved connect acknowledge flags are set</source>
        <translation>设置了保留的连接确认标志</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>reserved return code %1</source>
        <translation>保留的返回码 %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>QoS is 3</source>
        <translation>QoS 为 3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DUP is set on a QoS 0 message</source>
        <translation>QoS 0 消息设置了 DUP 标志</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>topic name is empty</source>
        <translation>主题名为空</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>topic name is empty and there is no topic alias</source>
        <translation>主题名为空且没有主题别名</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>requested QoS is 3</source>
        <translation>请求的 QoS 为 3</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+12"/>
        <source>reserved subscription option bits are set</source>
        <translation>设置了保留的订阅选项位</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>retain handling is 3</source>
        <translation>保留处理为 3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no local is set on a shared subscription</source>
        <translation>共享订阅设置了 No Local</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+31"/>
        <source>no topic filters</source>
        <translation>没有主题过滤器</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>reserved return code 0x%1</source>
        <translation>保留的返回码 0x%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>no return codes</source>
        <translation>没有返回码</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>no reason codes</source>
        <translation>没有原因码</translation>
    </message>
    <message numerus="yes">
        <location line="+35"/>
        <source>%n unexpected byte(s) after the end of the packet</source>
        <translation>
            <numerusform>报文结束后有 %n 个多余的字节</numerusform>
        </translation>
    </message>
    <message>
        <location line="+228"/>
        <source>empty packet</source>
        <translation>空报文</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>reserved packet type %1</source>
        <translation>保留的报文类型 %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>remaining length is %1 but %2 bytes follow</source>
        <translation>剩余长度为 %1，但后面有 %2 个字节</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>reserved flags are 0x%1, must be 0x%2</source>
        <translation>保留标志为 0x%1，必须为 0x%2</translation>
    </message>
    <message>
        <location filename="../core/protocol/propertycodec.cpp" line="+116"/>
        <source>will properties</source>
        <translation>遗嘱属性</translation>
    </message>
    <message>
        <location line="+144"/>
        <source>%1 must be 0 or 1, not %2</source>
        <translation>%1 必须为 0 或 1，而不是 %2</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1 must not be 0</source>
        <translation>%1 不能为 0</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>property length %1 exceeds the %2 bytes left</source>
        <translation>属性长度 %1 超过了剩余的 %2 个字节</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>unknown property identifier %1</source>
        <translation>未知的属性标识符 %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>property %1 (%2) is not allowed in %3</source>
        <translation>%3 中不允许属性 %1（%2）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>property %1 (%2) appears more than once</source>
        <translation>属性 %1（%2）出现了不止一次</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>the last property runs past the property length</source>
        <translation>最后一个属性超出了属性长度</translation>
    </message>
</context>
<context>
    <name>mqttscope::ConnectionController</name>
    <message>
        <location filename="../ui/connectioncontroller.cpp" line="+200"/>
        <source>refused: %1</source>
        <translation>被拒绝：%1</translation>
    </message>
</context>
<context>
    <name>mqttscope::ConnectionManagerDialog</name>
    <message>
        <location filename="../ui/connectionmanagerdialog.cpp" line="+50"/>
        <source>Connections</source>
        <translation>连接</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Profile</source>
        <translation>配置</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Duplicate</source>
        <translation>复制</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exports every profile as JSON; passwords are never exported</source>
        <translation>将所有配置导出为 JSON；密码永远不会被导出</translation>
    </message>
    <message>
        <location line="+42"/>
        <location line="+294"/>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <location line="-339"/>
        <source>Delete the selected profile (Del)</source>
        <translation>删除所选配置（Del）</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>From preset…</source>
        <translation>从预设创建…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>AWS IoT Core, Azure IoT Hub, HiveMQ Cloud, EMQX Cloud, a local mosquitto</source>
        <translation>AWS IoT Core、Azure IoT Hub、HiveMQ Cloud、EMQX Cloud、本地 mosquitto</translation>
    </message>
    <message>
        <location line="+93"/>
        <location line="+252"/>
        <source>(unnamed)</source>
        <translation>（未命名）</translation>
    </message>
    <message>
        <location line="-250"/>
        <source>%1 (not saved)</source>
        <translation>%1（未保存）</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Keychain unavailable (%1): passwords are asked for when connecting.</source>
        <translation>密钥环不可用（%1）：连接时将询问密码。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>New connection</source>
        <translation>新连接</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>The copy&apos;s secrets are kept only until mqttscope exits: %1</source>
        <translation>副本的密钥只保留到 mqttscope 退出：%1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Delete profile</source>
        <translation>删除配置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the profile &quot;%1&quot; and its stored password?</source>
        <translation>删除配置“%1”及其保存的密码？</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Import profiles</source>
        <translation>导入配置</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+22"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Imported %n profile(s).</source>
        <translation>
            <numerusform>已导入 %n 个配置。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export profiles</source>
        <translation>导出配置</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Exported %n profile(s) without passwords.</source>
        <translation>
            <numerusform>已导出 %n 个配置（不含密码）。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+72"/>
        <source>Fix the marked fields first.</source>
        <translation>请先修正标记的字段。</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>&quot;%1&quot; is not saved yet.</source>
        <translation>“%1”尚未保存。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save it as a profile and connect, or connect once without keeping it?</source>
        <translation>保存为配置并连接，还是只连接一次而不保存？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save and connect</source>
        <translation>保存并连接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect without saving</source>
        <translation>连接但不保存</translation>
    </message>
</context>
<context>
    <name>mqttscope::ConnectionPresetDialog</name>
    <message>
        <location filename="../ui/connectionpresetdialog.cpp" line="+34"/>
        <source>New connection from a preset</source>
        <translation>从预设新建连接</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>%1:</source>
        <translation>%1：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Kept in the system keychain, never in the profile file</source>
        <translation>保存在系统密钥环中，绝不写入配置文件</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>a preset</source>
        <translation>一个预设</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Still needed: %1</source>
        <translation>还需要：%1</translation>
    </message>
</context>
<context>
    <name>mqttscope::ConnectionRecorder</name>
    <message>
        <location filename="../ui/connectionrecorder.cpp" line="+62"/>
        <source>Cannot create the folder %1.</source>
        <translation>无法创建文件夹 %1。</translation>
    </message>
</context>
<context>
    <name>mqttscope::ConnectionStatusLine</name>
    <message>
        <location filename="../ui/connectionstatusline.cpp" line="+69"/>
        <source>Broker: %1</source>
        <translation>代理：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>assigned id %1</source>
        <translation>分配的 ID %1</translation>
    </message>
</context>
<context>
    <name>mqttscope::ConnectionTab</name>
    <message>
        <location filename="../ui/connectiontab.cpp" line="+117"/>
        <source>Publish</source>
        <translation>发布</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Subscriptions</source>
        <translation>订阅</translation>
    </message>
    <message>
        <location line="+548"/>
        <source>Export history…</source>
        <translation>导出历史…</translation>
    </message>
    <message>
        <location line="-545"/>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Packets</source>
        <translation>报文</translation>
    </message>
    <message>
        <location line="+167"/>
        <source>%L1 muted · %2</source>
        <translation>%L1 条已静音 · %2</translation>
    </message>
    <message>
        <location line="+244"/>
        <source>Cannot record to %1</source>
        <translation>无法录制到 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a folder you can write to, with space to spare.</source>
        <translation>请选择一个有写入权限且空间充足的文件夹。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Free some space or choose another folder, then record again.</source>
        <translation>请释放一些空间或选择其他文件夹，然后重新录制。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record again with a larger budget, or to drop the oldest messages when full.</source>
        <translation>请用更大的大小上限重新录制，或设为写满时丢弃最旧的消息。</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>the whole broker</source>
        <translation>整个代理</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Delete retained messages</source>
        <translation>删除保留消息</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Delete %n retained message(s) under %1?
An empty retained message is published to each topic.</source>
        <translation>
            <numerusform>删除 %1 下的 %n 条保留消息？
将向每个主题发布一条空的保留消息。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+20"/>
        <source>Deleting %n retained message(s) under %1…</source>
        <translation>
            <numerusform>正在删除 %1 下的 %n 条保留消息…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>Deleted %n retained message(s) under %1.</source>
        <translation>
            <numerusform>已删除 %1 下的 %n 条保留消息。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deleted %1 of %2 retained messages under %3; %4 failed: %5</source>
        <translation>已删除 %3 下 %2 条保留消息中的 %1 条；%4 条失败：%5</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Copy topic</source>
        <translation>复制主题</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Replay…</source>
        <translation>回放…</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>Publish to this topic</source>
        <translation>发布到此主题</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>Delete %n retained message(s) here…</source>
        <translation>
            <numerusform>删除此处的 %n 条保留消息…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Clear history of this topic</source>
        <translation>清除此主题的历史</translation>
    </message>
</context>
<context>
    <name>mqttscope::ConnectionTestPanel</name>
    <message>
        <location filename="../ui/connectiontestpanel.cpp" line="+21"/>
        <source>Test connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Fix the marked fields first.</source>
        <translation>请先修正标记的字段。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Testing %1…</source>
        <translation>正在测试 %1…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Connects once with the values shown, without saving them, and reports what the broker answered.</source>
        <translation>用当前显示的设置连接一次（不保存），并报告代理的应答。</translation>
    </message>
</context>
<context>
    <name>mqttscope::ConnectionTester</name>
    <message>
        <location filename="../ui/connectiontester.cpp" line="+94"/>
        <source>The TLS handshake did not finish in time</source>
        <translation>TLS 握手未能及时完成</translation>
    </message>
</context>
<context>
    <name>mqttscope::ConnectionWorker</name>
    <message>
        <location filename="../ui/connectionworker.cpp" line="+192"/>
        <source>Refused by the client</source>
        <translation>被客户端拒绝</translation>
    </message>
</context>
<context>
    <name>mqttscope::DecodeAsMenu</name>
    <message>
        <location filename="../ui/decodeasmenu.cpp" line="+25"/>
        <source>Decode topics like this as…</source>
        <translation>将类似的主题解码为…</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>%1 (this topic)</source>
        <translation>%1（此主题）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (this level)</source>
        <translation>%1（此层级）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (and below)</source>
        <translation>%1（及其下级）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (the same under each)</source>
        <translation>%1（每个分支下的同名主题）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No message types: add .proto files in the connection&apos;s settings (Payload formats)</source>
        <translation>没有消息类型：请在连接设置（负载格式）中添加 .proto 文件</translation>
    </message>
</context>
<context>
    <name>mqttscope::DiffView</name>
    <message>
        <location filename="../ui/views/diffview.cpp" line="+100"/>
        <source>This is the first message of its topic: there is nothing to compare it with.</source>
        <translation>这是该主题的第一条消息：没有可比较的内容。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No message selected</source>
        <translation>未选择消息</translation>
    </message>
    <message>
        <location line="-15"/>
        <location line="+39"/>
        <source>Identical to the previous message of this topic</source>
        <translation>与该主题的上一条消息相同</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>Differs from the previous message of this topic (%1 and %2: too big to compare line by line)</source>
        <translation>与该主题的上一条消息不同（%1 和 %2：太大，无法逐行比较）</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Differs from the previous message of this topic (%1 and %2 lines: too long to compare line by line)</source>
        <translation>与该主题的上一条消息不同（%1 行和 %2 行：太长，无法逐行比较）</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Against the previous message of this topic: lines added %1, removed %2</source>
        <translation>与该主题的上一条消息相比：新增 %1 行，删除 %2 行</translation>
    </message>
</context>
<context>
    <name>mqttscope::Framer</name>
    <message>
        <location filename="../core/protocol/framer.cpp" line="+63"/>
        <source>remaining length is longer than 4 bytes</source>
        <translation>剩余长度超过 4 个字节</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>remaining length is not minimally encoded</source>
        <translation>剩余长度未使用最短编码</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>packet of %1 bytes exceeds the maximum packet size of %2 bytes</source>
        <translation>%1 字节的报文超过了最大报文大小 %2 字节</translation>
    </message>
</context>
<context>
    <name>mqttscope::HexDumpModel</name>
    <message>
        <location filename="../ui/views/hexdumpmodel.cpp" line="+64"/>
        <source>Offset</source>
        <translation>偏移</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ASCII</source>
        <translation>ASCII</translation>
    </message>
</context>
<context>
    <name>mqttscope::HistoryModel</name>
    <message>
        <location filename="../ui/models/historymodel.cpp" line="+126"/>
        <location line="+2"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>QoS</source>
        <translation>QoS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retain</source>
        <translation>保留</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dup</source>
        <translation>重复</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Properties</source>
        <translation>属性</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Payload</source>
        <translation>负载</translation>
    </message>
</context>
<context>
    <name>mqttscope::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="+132"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New connection…</source>
        <translation>新建连接(&amp;N)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Connections…</source>
        <translation>连接管理(&amp;C)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open saved connection</source>
        <translation>打开已保存的连接(&amp;O)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Open &amp;recording…</source>
        <translation>打开录制文件(&amp;R)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Import into recording…</source>
        <translation>导入到录制文件(&amp;I)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+153"/>
        <location line="+6"/>
        <source>Open recording</source>
        <translation>打开录制文件</translation>
    </message>
    <message>
        <location line="-155"/>
        <source>&amp;Replay recording…</source>
        <translation>回放录制文件(&amp;R)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Close &amp;tab</source>
        <translation>关闭标签页(&amp;T)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Connection</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Connect</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Disconnect</source>
        <translation>断开(&amp;D)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Delete &amp;retained messages under the selected topic…</source>
        <translation>删除所选主题下的保留消息(&amp;R)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Export history…</source>
        <translation>导出历史(&amp;E)…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Filter topics</source>
        <translation>筛选主题(&amp;F)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Search messages…</source>
        <translation>搜索消息(&amp;S)…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Copy &amp;topic</source>
        <translation>复制主题(&amp;T)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Clear history of the selected topic</source>
        <translation>清除所选主题的历史(&amp;C)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Appearance</source>
        <translation>外观(&amp;A)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;System</source>
        <translation>跟随系统(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Light</source>
        <translation>浅色(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Dark</source>
        <translation>深色(&amp;D)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About mqttscope</source>
        <translation>关于 mqttscope(&amp;A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About mqttscope</source>
        <translation>关于 mqttscope</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;h3&gt;mqttscope %1&lt;/h3&gt;&lt;p&gt;A fast native MQTT 3.1.1/5.0 explorer.&lt;/p&gt;&lt;p&gt;Licensed under the GNU GPL version 3 or later.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;mqttscope %1&lt;/h3&gt;&lt;p&gt;快速的原生 MQTT 3.1.1/5.0 浏览器。&lt;/p&gt;&lt;p&gt;以 GNU GPL 第 3 版或更高版本授权。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Recordings (*.mqttrec);;All files (*)</source>
        <translation>录制文件 (*.mqttrec);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <location line="+119"/>
        <location line="+2"/>
        <source>%1 — mqttscope</source>
        <translation>%1 — mqttscope</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>The format rule could not be saved</source>
        <translation>无法保存格式规则</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It applies to this tab until it is closed.</source>
        <translation>在此标签页关闭之前，它对此标签页有效。</translation>
    </message>
</context>
<context>
    <name>mqttscope::MessageImport</name>
    <message>
        <location filename="../core/search/messageimport.cpp" line="+94"/>
        <source>%1 exists already: import into a new file</source>
        <translation>%1 已存在：请导入到新文件</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>… and %1 more</source>
        <translation>… 另有 %1 行</translation>
    </message>
    <message>
        <location filename="../ui/importrecording.cpp" line="-53"/>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
</context>
<context>
    <name>mqttscope::MessagePane</name>
    <message>
        <location filename="../ui/messagepane.cpp" line="+45"/>
        <source>Payload</source>
        <translation>负载</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Diff with previous</source>
        <translation>与上一条比较</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plot</source>
        <translation>图表</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Export history…</source>
        <translation>导出历史…</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>Copy payload</source>
        <translation>复制负载</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save payload…</source>
        <translation>保存负载…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Plot values</source>
        <translation>绘制数值</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Plot JSON field</source>
        <translation>绘制 JSON 字段</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>JSON lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+5"/>
        <source>Export history</source>
        <translation>导出历史</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>mqttscope::MqttClient</name>
    <message>
        <location filename="../core/client/inboundtopicaliases.cpp" line="+22"/>
        <source>PUBLISH: empty topic name without a topic alias</source>
        <translation>PUBLISH：主题名为空且没有主题别名</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>PUBLISH: topic alias %1 is outside 1..%2</source>
        <translation>PUBLISH：主题别名 %1 不在 1..%2 范围内</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>PUBLISH: unknown topic alias %1</source>
        <translation>PUBLISH：未知的主题别名 %1</translation>
    </message>
    <message>
        <location filename="../core/client/mqttclient_p.cpp" line="+76"/>
        <source>Timed out: no CONNACK within %1 ms</source>
        <translation>超时：%1 毫秒内没有收到 CONNACK</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No answer from the server for %1 ms after PINGREQ: connection considered dead</source>
        <translation>发送 PINGREQ 后 %1 毫秒内服务器没有应答：认为连接已断开</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Invalid will topic &quot;%1&quot;: %2</source>
        <translation>无效的遗嘱主题“%1”：%2</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>No transport for this kind of endpoint</source>
        <translation>没有适用于此类端点的传输方式</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Connection closed by the server</source>
        <translation>连接被服务器关闭</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Connection closed by the server before CONNACK</source>
        <translation>在 CONNACK 之前连接被服务器关闭</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>CONNACK: a second CONNACK</source>
        <translation>CONNACK：收到第二个 CONNACK</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Connection refused: %1</source>
        <translation>连接被拒绝：%1</translation>
    </message>
    <message>
        <location filename="../core/client/session.cpp" line="+121"/>
        <source>The server received the message (PUBREC) but lost the session before completing it</source>
        <translation>服务器已收到消息（PUBREC），但在完成之前丢失了会话</translation>
    </message>
    <message>
        <location filename="../core/client/mqttclient_p.cpp" line="+47"/>
        <source>Disconnected by the client</source>
        <translation>客户端已断开连接</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Connection aborted by the client</source>
        <translation>客户端中止了连接</translation>
    </message>
    <message>
        <location line="+214"/>
        <source>%1 before CONNACK</source>
        <translation>在 CONNACK 之前收到 %1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>%1 is never sent by a server</source>
        <translation>服务器从不发送 %1</translation>
    </message>
    <message>
        <location filename="../core/client/session.cpp" line="+329"/>
        <source>more than %1 unacknowledged QoS 1 and 2 messages</source>
        <translation>超过 %1 条未确认的 QoS 1 和 QoS 2 消息</translation>
    </message>
    <message>
        <location filename="../core/client/mqttclient_p.cpp" line="+13"/>
        <source>Disconnected by the server: %1</source>
        <translation>服务器断开了连接：%1</translation>
    </message>
    <message>
        <location filename="../core/client/reasondescription.cpp" line="+8"/>
        <source>Malformed packet from server: %1</source>
        <translation>服务器发来格式错误的报文：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Packet from server too large: %1</source>
        <translation>服务器发来的报文过大：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Protocol error by server: %1</source>
        <translation>服务器协议错误：%1</translation>
    </message>
    <message>
        <location filename="../core/client/session.cpp" line="-257"/>
        <source>The server accepts at most QoS %1: not publishing with QoS %2</source>
        <translation>服务器最多接受 QoS %1：不以 QoS %2 发布</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The server does not support retained messages</source>
        <translation>服务器不支持保留消息</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>The message is %1 bytes as a packet; the server accepts at most %2 bytes</source>
        <translation>该消息的报文为 %1 字节；服务器最多接受 %2 字节</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Cannot publish to &quot;%1&quot;: %2 MiB of messages already wait for the broker (at most %3 MiB may wait)</source>
        <translation>无法发布到“%1”：已有 %2 MiB 的消息在等待代理（最多可等待 %3 MiB）</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Cannot publish to &quot;%1&quot;: %2</source>
        <translation>无法发布到“%1”：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot publish with QoS %1</source>
        <translation>无法以 QoS %1 发布</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot publish to &quot;%1&quot;: not connected</source>
        <translation>无法发布到“%1”：未连接</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Cannot subscribe: no topic filter</source>
        <translation>无法订阅：没有主题过滤器</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot subscribe to &quot;%1&quot;: %2</source>
        <translation>无法订阅“%1”：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot subscribe with QoS %1</source>
        <translation>无法以 QoS %1 订阅</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot subscribe to &quot;%1&quot;: the server does not support wildcards</source>
        <translation>无法订阅“%1”：服务器不支持通配符</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot subscribe to &quot;%1&quot;: the server does not support shared subscriptions</source>
        <translation>无法订阅“%1”：服务器不支持共享订阅</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Subscription identifier %1 is outside 1..268435455</source>
        <translation>订阅标识符 %1 不在 1..268435455 范围内</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The server does not support subscription identifiers</source>
        <translation>服务器不支持订阅标识符</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot subscribe: not connected</source>
        <translation>无法订阅：未连接</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot unsubscribe: no topic filter</source>
        <translation>无法取消订阅：没有主题过滤器</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot unsubscribe from &quot;%1&quot;: %2</source>
        <translation>无法取消订阅“%1”：%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cannot unsubscribe: not connected</source>
        <translation>无法取消订阅：未连接</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>The %1 packet is larger than the server accepts</source>
        <translation>%1 报文超过了服务器可接受的大小</translation>
    </message>
    <message>
        <location filename="../core/client/mqttclient_p.cpp" line="+142"/>
        <source>AUTH needs an MQTT 5.0 connection</source>
        <translation>AUTH 需要 MQTT 5.0 连接</translation>
    </message>
</context>
<context>
    <name>mqttscope::MutedTopicsEditor</name>
    <message>
        <location filename="../ui/mutedtopicseditor.cpp" line="+26"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mute %1</source>
        <translation>静音 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Topic filter, e.g. $SYS/# or sensors/+/debug</source>
        <translation>主题过滤器，例如 $SYS/# 或 sensors/+/debug</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The broker&apos;s own statistics topics</source>
        <translation>代理自身的统计主题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages on these topics are counted but not shown in the tree, the history or the plot. The subscriptions stay as they are.</source>
        <translation>这些主题上的消息会被计数，但不会显示在主题树、历史或图表中。订阅保持不变。</translation>
    </message>
</context>
<context>
    <name>mqttscope::NoticeBanner</name>
    <message>
        <location filename="../ui/noticebanner.cpp" line="+33"/>
        <source>Edit connection…</source>
        <translation>编辑连接…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retry</source>
        <translation>重试</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>mqttscope::PacketInspectorPanel</name>
    <message>
        <location filename="../ui/packetinspectorpanel.cpp" line="+70"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>All types</source>
        <translation>所有类型</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Topic contains…</source>
        <translation>主题包含…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Packet id</source>
        <translation>报文 ID</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>keep </source>
        <translation>保留 </translation>
    </message>
    <message>
        <location line="+1"/>
        <source> packets</source>
        <translation> 个报文</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>or </source>
        <translation>或 </translation>
    </message>
    <message>
        <location line="+1"/>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>Flow</source>
        <translation>流程</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>+%1</source>
        <translation>+%1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Time (UTC)</source>
        <translation>时间（UTC）</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+13"/>
        <source>Export packets</source>
        <translation>导出报文</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>JSON lines (*.jsonl);;Text (*.txt)</source>
        <translation>JSON Lines (*.jsonl);;文本 (*.txt)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Could not write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 of %2 packets</source>
        <translation>%2 个报文中的 %1 个</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, %1 not kept while paused</source>
        <translation>，暂停期间有 %1 个未保留</translation>
    </message>
</context>
<context>
    <name>mqttscope::PacketListModel</name>
    <message>
        <location filename="../ui/models/packetlistmodel.cpp" line="+143"/>
        <source>Time (UTC)</source>
        <translation>时间（UTC）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dir</source>
        <translation>方向</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Flags</source>
        <translation>标志</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Flow</source>
        <translation>流程</translation>
    </message>
</context>
<context>
    <name>mqttscope::PayloadFormatsEditor</name>
    <message>
        <location filename="../ui/payloadformatseditor.cpp" line="+72"/>
        <source>The first rule whose topic filter matches decides how a topic&apos;s payloads are read. Topics no rule matches are detected automatically (JSON, text, CBOR, images; Sparkplug B under spBv1.0/).</source>
        <translation>第一个主题过滤器匹配的规则决定如何读取该主题的负载。没有规则匹配的主题会自动检测（JSON、文本、CBOR、图像；spBv1.0/ 下为 Sparkplug B）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Topic filter</source>
        <translation>主题过滤器</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Message type</source>
        <translation>消息类型</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Add rule</source>
        <translation>添加规则</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+63"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location line="-62"/>
        <source>Move up</source>
        <translation>上移</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move down</source>
        <translation>下移</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>.proto files:</source>
        <translation>.proto 文件：</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+5"/>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Add .proto files</source>
        <translation>添加 .proto 文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Protocol Buffers (*.proto);;All files (*)</source>
        <translation>Protocol Buffers (*.proto);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import folders:</source>
        <translation>导入文件夹：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add an import folder</source>
        <translation>添加导入文件夹</translation>
    </message>
    <message>
        <location line="+236"/>
        <source>topic filter: %1</source>
        <translation>主题过滤器：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>choose the Protobuf message type</source>
        <translation>请选择 Protobuf 消息类型</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>add the .proto file that defines %1</source>
        <translation>请添加定义 %1 的 .proto 文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 is in none of the files that compiled (%2)</source>
        <translation>%1 不在任何已编译的文件中（%2）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no .proto file defines the message type %1</source>
        <translation>没有 .proto 文件定义消息类型 %1</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Rule %1 (%2): %3</source>
        <translation>规则 %1（%2）：%3</translation>
    </message>
</context>
<context>
    <name>mqttscope::PayloadView</name>
    <message>
        <location filename="../ui/views/payloadview.cpp" line="+190"/>
        <source>How to show the payload; the bytes are never changed</source>
        <translation>负载的显示方式；字节内容永远不会被改变</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Copy topic</source>
        <translation>复制主题</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy payload</source>
        <translation>复制负载</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save payload…</source>
        <translation>保存负载…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Format:</source>
        <translation>格式(&amp;F)：</translation>
    </message>
    <message>
        <location line="-68"/>
        <source>MQTT 5 property</source>
        <translation>MQTT 5 属性</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>The Protobuf message type to read the payload as</source>
        <translation>用于读取负载的 Protobuf 消息类型</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Only the first %1 characters are shown; Copy payload and Save payload… keep all of it.</source>
        <translation>仅显示前 %1 个字符；“复制负载”和“保存负载…”会保留全部内容。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Show all</source>
        <translation>全部显示</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the whole text; for big payloads that arrive often, this costs the window time on each one</source>
        <translation>显示全部文本；对于频繁到达的大负载，每条消息都会占用窗口的时间</translation>
    </message>
    <message>
        <location line="+105"/>
        <source>No message selected</source>
        <translation>未选择消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select a topic in the tree to see its messages</source>
        <translation>在主题树中选择一个主题以查看其消息</translation>
    </message>
    <message>
        <location line="+124"/>
        <source>Not an image Qt can decode: %1</source>
        <translation>不是 Qt 能解码的图像：%1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 × %2 pixels, %3</source>
        <translation>%1 × %2 像素，%3</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The payload is larger than %1 and is not decoded in the view.</source>
        <translation>负载大于 %1，不会在视图中解码。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose the Protobuf message type to read the payload as.</source>
        <translation>请选择用于读取负载的 Protobuf 消息类型。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Could not decode the payload at byte %1: %2</source>
        <translation>无法解码负载（字节 %1）：%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Could not decode the payload: %1</source>
        <translation>无法解码负载：%1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Lines longer than %1 characters are broken for display; copy and save keep the bytes as they are.</source>
        <translation>超过 %1 个字符的行在显示时会被折断；复制和保存时字节保持原样。</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Bytes that are not valid UTF-8 are shown as \xNN (%1 of them).</source>
        <translation>不是有效 UTF-8 的字节显示为 \xNN（共 %1 个）。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>QoS %1</source>
        <translation>QoS %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>retained</source>
        <translation>保留</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>duplicate</source>
        <translation>重复</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 B</source>
        <translation>%1 B</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2 B)</source>
        <translation>%1（%2 B）</translation>
    </message>
    <message>
        <location line="+52"/>
        <location line="+5"/>
        <source>Save payload</source>
        <translation>保存负载</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not save the payload to %1:
%2</source>
        <translation>无法将负载保存到 %1：
%2</translation>
    </message>
</context>
<context>
    <name>mqttscope::PredicateParser</name>
    <message>
        <location filename="../core/search/jsonpredicate.cpp" line="-132"/>
        <source>expected &apos;and&apos; or the end after a condition</source>
        <translation>条件之后应为“and”或结束</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>expected a field name, such as battery or a.b[2].c</source>
        <translation>应为字段名，例如 battery 或 a.b[2].c</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>expected a field name after &apos;.&apos;</source>
        <translation>“.”之后应为字段名</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>expected an array index (0, 1, …) after &apos;[&apos;</source>
        <translation>“[”之后应为数组下标（0、1、…）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>expected &apos;]&apos; after the index</source>
        <translation>下标之后应为“]”</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>expected a value (a number, &quot;text&quot;, true, false or null)</source>
        <translation>应为值（数字、&quot;文本&quot;、true、false 或 null）</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>expected a value (a number, &quot;text&quot;, true, false or null); text goes in double quotes</source>
        <translation>应为值（数字、&quot;文本&quot;、true、false 或 null）；文本要放在双引号中</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>the text has no closing &apos;&quot;&apos;</source>
        <translation>文本缺少结尾的双引号（&quot;）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>the text in quotes has a bad escape (\&quot;, \\, \n, \u00e9 …)</source>
        <translation>引号中的文本含有错误的转义（\&quot;, \\, \n, \u00e9 …）</translation>
    </message>
</context>
<context>
    <name>mqttscope::ProfileEditor</name>
    <message>
        <location filename="../ui/profileeditor.cpp" line="+86"/>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Proxy</source>
        <translation>代理服务器</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Last will</source>
        <translation>遗嘱</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MQTT 5</source>
        <translation>MQTT 5</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subscriptions</source>
        <translation>订阅</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Muted topics</source>
        <translation>静音主题</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payload formats</source>
        <translation>负载格式</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Profiles with the same folder are listed together</source>
        <translation>同一文件夹中的配置会列在一起</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Comma-separated, e.g. production, tls</source>
        <translation>以逗号分隔，例如 production, tls</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>TCP (mqtt://)</source>
        <translation>TCP (mqtt://)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS (mqtts://)</source>
        <translation>TLS (mqtts://)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WebSocket (ws://)</source>
        <translation>WebSocket (ws://)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Secure WebSocket (wss://)</source>
        <translation>安全 WebSocket (wss://)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Automatic (5.0, else 3.1.1)</source>
        <translation>自动（5.0，否则 3.1.1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MQTT 5.0</source>
        <translation>MQTT 5.0</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MQTT 3.1.1</source>
        <translation>MQTT 3.1.1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MQTT 3.1</source>
        <translation>MQTT 3.1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Empty: the broker assigns one</source>
        <translation>留空：由代理分配</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Random</source>
        <translation>随机</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Kept in the system keychain, never in the profile file</source>
        <translation>保存在系统密钥环中，绝不写入配置文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+3"/>
        <location line="+89"/>
        <location line="+2"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location line="-93"/>
        <source>Start a new session (clean start)</source>
        <translation>开始新会话（全新会话）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>with the connection</source>
        <translation>随连接结束</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reconnect automatically</source>
        <translation>自动重连</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>How many QoS 1 and 2 messages may await their acknowledgement at once; the others wait their turn, in order. MQTT 3.1.1 brokers cannot announce a limit, and one beyond its own (mosquitto: 20) may acknowledge a QoS 2 message and drop it. With MQTT 5 the broker&apos;s receive maximum applies as well.</source>
        <translation>同时等待确认的 QoS 1 和 QoS 2 消息的最大数量；其余消息按顺序排队等待。MQTT 3.1.1 代理无法声明其上限，超过自身上限（mosquitto：20）的代理可能会确认一条 QoS 2 消息后将其丢弃。使用 MQTT 5 时，代理的接收最大值同样适用。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tags:</source>
        <translation>标签：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Transport:</source>
        <translation>传输方式：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Host:</source>
        <translation>主机：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WebSocket path:</source>
        <translation>WebSocket 路径：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>WebSocket headers:</source>
        <translation>WebSocket 请求头：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MQTT version:</source>
        <translation>MQTT 版本：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client id:</source>
        <translation>客户端 ID：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Username:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keepalive:</source>
        <translation>保活间隔：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages in flight:</source>
        <translation>传输中的消息：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Session expiry:</source>
        <translation>会话过期：</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Empty: the system&apos;s trusted authorities</source>
        <translation>留空：使用系统信任的证书颁发机构</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Verify the broker&apos;s certificate and host name</source>
        <translation>验证代理的证书和主机名</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Comma-separated, e.g. mqtt</source>
        <translation>以逗号分隔，例如 mqtt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CA certificates:</source>
        <translation>CA 证书：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CA certificates (PEM)</source>
        <translation>CA 证书 (PEM)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Client certificate:</source>
        <translation>客户端证书：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client certificate (PEM)</source>
        <translation>客户端证书 (PEM)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Client key:</source>
        <translation>客户端密钥：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Client key (PEM)</source>
        <translation>客户端密钥 (PEM)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Key passphrase:</source>
        <translation>密钥密码短语：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PKCS#12 bundle:</source>
        <translation>PKCS#12 文件：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Client certificate and key (PKCS#12)</source>
        <translation>客户端证书和密钥 (PKCS#12)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PKCS#12 passphrase:</source>
        <translation>PKCS#12 密码短语：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>ALPN protocols:</source>
        <translation>ALPN 协议：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Send a last will when the connection is lost</source>
        <translation>连接断开时发送遗嘱消息</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>QoS %1</source>
        <translation>QoS %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retain</source>
        <translation>保留</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+27"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>never</source>
        <translation>永不</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Payload is UTF-8 text</source>
        <translation>负载是 UTF-8 文本</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Topic:</source>
        <translation>主题：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Payload:</source>
        <translation>负载：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>QoS:</source>
        <translation>QoS：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Delay (5.0):</source>
        <translation>延迟 (5.0)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message expiry (5.0):</source>
        <translation>消息过期 (5.0)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Content type (5.0):</source>
        <translation>内容类型 (5.0)：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>broker default</source>
        <translation>代理默认值</translation>
    </message>
    <message>
        <location line="-110"/>
        <location line="+111"/>
        <source>no limit</source>
        <translation>无限制</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> bytes</source>
        <translation> 字节</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Request response information</source>
        <translation>请求响应信息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Request problem information</source>
        <translation>请求问题信息</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Receive maximum:</source>
        <translation>接收最大值：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maximum packet size:</source>
        <translation>最大报文大小：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Topic alias maximum:</source>
        <translation>主题别名最大值：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>User properties:</source>
        <translation>用户属性：</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Filter</source>
        <translation>过滤器</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>QoS</source>
        <translation>QoS</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No local</source>
        <translation>不接收本地消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retain as published</source>
        <translation>保留发布时的保留标志</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retained messages</source>
        <translation>保留消息</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location line="+28"/>
        <source> messages</source>
        <translation> 条消息</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages kept per topic:</source>
        <translation>每个主题保留的消息数：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Memory for the history:</source>
        <translation>历史记录可用内存：</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send if new</source>
        <translation>新订阅时发送</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Do not send</source>
        <translation>不发送</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Stored in the keychain</source>
        <translation>已保存在密钥环中</translation>
    </message>
    <message>
        <location line="+212"/>
        <source>Without verification anyone between you and the broker can read and change the traffic, including the password.</source>
        <translation>不验证证书时，你与代理之间的任何人都能读取和篡改通信内容，包括密码。</translation>
    </message>
</context>
<context>
    <name>mqttscope::ProfileStore</name>
    <message>
        <location filename="../core/profiles/profilestore.cpp" line="+55"/>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>%1 (copy)</source>
        <translation>%1（副本）</translation>
    </message>
    <message>
        <location line="-54"/>
        <source>Not a JSON document: %1 at offset %2</source>
        <translation>不是 JSON 文档：%1，位于偏移 %2</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>The document holds no &quot;profiles&quot; list</source>
        <translation>文档中没有“profiles”列表</translation>
    </message>
    <message>
        <location filename="../core/profiles/profilelocation.cpp" line="+40"/>
        <source>Cannot move %1 to %2: %3</source>
        <translation>无法将 %1 移动到 %2：%3</translation>
    </message>
</context>
<context>
    <name>mqttscope::Property</name>
    <message>
        <location filename="../core/protocol/propertycodec.cpp" line="-316"/>
        <source>Payload Format Indicator</source>
        <translation>负载格式指示</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Message Expiry Interval</source>
        <translation>消息过期间隔</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Content Type</source>
        <translation>内容类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Response Topic</source>
        <translation>响应主题</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Correlation Data</source>
        <translation>关联数据</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Subscription Identifier</source>
        <translation>订阅标识符</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Session Expiry Interval</source>
        <translation>会话过期间隔</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Assigned Client Identifier</source>
        <translation>分配的客户端标识符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server Keep Alive</source>
        <translation>服务器保活时间</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Authentication Method</source>
        <translation>认证方法</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Authentication Data</source>
        <translation>认证数据</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Request Problem Information</source>
        <translation>请求问题信息</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Will Delay Interval</source>
        <translation>遗嘱延迟间隔</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Request Response Information</source>
        <translation>请求响应信息</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Response Information</source>
        <translation>响应信息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server Reference</source>
        <translation>服务器引用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason String</source>
        <translation>原因字符串</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Receive Maximum</source>
        <translation>接收最大值</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Topic Alias Maximum</source>
        <translation>主题别名最大值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Topic Alias</source>
        <translation>主题别名</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Maximum QoS</source>
        <translation>最大 QoS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retain Available</source>
        <translation>保留可用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>User Property</source>
        <translation>用户属性</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Maximum Packet Size</source>
        <translation>最大报文大小</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Wildcard Subscription Available</source>
        <translation>通配符订阅可用</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Subscription Identifier Available</source>
        <translation>订阅标识符可用</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shared Subscription Available</source>
        <translation>共享订阅可用</translation>
    </message>
    <message>
        <location line="+191"/>
        <source>Unknown property %1</source>
        <translation>未知属性 %1</translation>
    </message>
</context>
<context>
    <name>mqttscope::ProxyEditor</name>
    <message>
        <location filename="../ui/proxyeditor.cpp" line="+29"/>
        <source>No proxy</source>
        <translation>不使用代理</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The system&apos;s proxy settings</source>
        <translation>系统代理设置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SOCKS5 (socks5h://)</source>
        <translation>SOCKS5 (socks5h://)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTTP (CONNECT)</source>
        <translation>HTTP (CONNECT)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Empty: the proxy asks for none</source>
        <translation>留空：代理服务器不要求认证</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kept in the system keychain, never in the profile file</source>
        <translation>保存在系统密钥环中，绝不写入配置文件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Proxy:</source>
        <translation>代理服务器：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Host:</source>
        <translation>主机：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Stored in the keychain</source>
        <translation>已保存在密钥环中</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Default (%1)</source>
        <translation>默认（%1）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Straight to the broker, whatever the environment says.</source>
        <translation>直接连接到 MQTT 代理，不论环境变量如何设置。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The desktop&apos;s proxy settings, else the environment: http_proxy (https_proxy for TLS and secure WebSocket) and no_proxy. all_proxy is not read.</source>
        <translation>使用桌面的代理设置，否则使用环境变量：http_proxy（TLS 和安全 WebSocket 使用 https_proxy）以及 no_proxy。不读取 all_proxy。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The proxy resolves the broker&apos;s host name, so it works for names only the proxy&apos;s network knows.</source>
        <translation>由代理服务器解析 MQTT 代理的主机名，因此也适用于只有代理服务器所在网络才能解析的名称。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A tunnel through an HTTP proxy&apos;s CONNECT; the proxy must allow the broker&apos;s port.</source>
        <translation>通过 HTTP 代理服务器的 CONNECT 建立隧道；代理服务器必须允许连接 MQTT 代理的端口。</translation>
    </message>
</context>
<context>
    <name>mqttscope::PublishEncodingBox</name>
    <message>
        <location filename="../ui/publishencodingbox.cpp" line="+15"/>
        <source>What is sent: the payload as typed, or the JSON typed encoded as MessagePack or a Protobuf message type of this connection&apos;s .proto files</source>
        <translation>发送的内容：按输入原样发送负载，或将输入的 JSON 编码为 MessagePack 或此连接 .proto 文件中的某个 Protobuf 消息类型</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>As typed</source>
        <translation>原样</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MessagePack</source>
        <translation>MessagePack</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Protobuf %1</source>
        <translation>Protobuf %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Protobuf %1 (not in the .proto files)</source>
        <translation>Protobuf %1（不在 .proto 文件中）</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Not encoded as %1: %2</source>
        <translation>未编码为 %1：%2</translation>
    </message>
</context>
<context>
    <name>mqttscope::PublishPanel</name>
    <message>
        <location filename="../ui/publishpanel.cpp" line="+73"/>
        <source>not sent</source>
        <translation>不发送</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Retain</source>
        <translation>保留</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MQTT 5 properties</source>
        <translation>MQTT 5 属性</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Payload is UTF-8 text</source>
        <translation>负载是 UTF-8 文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Publish</source>
        <translation>发布</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+403"/>
        <source>Save to library…</source>
        <translation>保存到消息库…</translation>
    </message>
    <message>
        <location line="-402"/>
        <source>Sparkplug command…</source>
        <translation>Sparkplug 命令…</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Topic, e.g. devices/lamp-1/set</source>
        <translation>主题，例如 devices/lamp-1/set</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Payload</source>
        <translation>负载</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Base64</source>
        <translation>Base64</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From file</source>
        <translation>来自文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File whose bytes are sent</source>
        <translation>要发送其字节内容的文件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>QoS %1</source>
        <translation>QoS %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Publish (Ctrl+Enter)</source>
        <translation>发布 (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep this message in the saved-message library</source>
        <translation>将此消息保存到已保存消息库</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compose a Sparkplug B NCMD or DCMD, e.g. a rebirth request</source>
        <translation>编写 Sparkplug B NCMD 或 DCMD，例如重生（rebirth）请求</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Published messages: double-click to load one back</source>
        <translation>已发布的消息：双击可重新载入</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Encode as:</source>
        <translation>编码为：</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Content type:</source>
        <translation>内容类型：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payload format:</source>
        <translation>负载格式：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message expiry:</source>
        <translation>消息过期：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Response topic:</source>
        <translation>响应主题：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Correlation data:</source>
        <translation>关联数据：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Topic alias:</source>
        <translation>主题别名：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User properties:</source>
        <translation>用户属性：</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Published</source>
        <translation>已发布</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Payload from file</source>
        <translation>从文件读取负载</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Response topic: %1</source>
        <translation>响应主题：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+87"/>
        <source>%1 · QoS %2%3 · %n byte(s) · sending…</source>
        <translation>
            <numerusform>%1 · QoS %2%3 · %n 字节 · 正在发送…</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source> · retained</source>
        <translation> · 保留</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Sending to %1…</source>
        <translation>正在发送到 %1…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PUBACK</source>
        <translation>PUBACK</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PUBCOMP</source>
        <translation>PUBCOMP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Publish to %1 failed: %2</source>
        <translation>发布到 %1 失败：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Published to %1: %2 %3</source>
        <translation>已发布到 %1：%2 %3</translation>
    </message>
</context>
<context>
    <name>mqttscope::RateTimeline</name>
    <message>
        <location filename="../ui/views/ratetimeline.cpp" line="+35"/>
        <source>Messages over time: click or drag to see the state at a moment</source>
        <translation>消息随时间的分布：单击或拖动以查看某一时刻的状态</translation>
    </message>
</context>
<context>
    <name>mqttscope::ReasonCode</name>
    <message>
        <location filename="../core/protocol/reasoncode.cpp" line="+21"/>
        <source>Success</source>
        <translation>成功</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Granted QoS 1</source>
        <translation>授予 QoS 1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Granted QoS 2</source>
        <translation>授予 QoS 2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disconnect with Will Message</source>
        <translation>断开并发送遗嘱消息</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No matching subscribers</source>
        <translation>没有匹配的订阅者</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No subscription existed</source>
        <translation>订阅不存在</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Continue authentication</source>
        <translation>继续认证</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re-authenticate</source>
        <translation>重新认证</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unspecified error</source>
        <translation>未指明的错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Malformed Packet</source>
        <translation>报文格式错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Protocol Error</source>
        <translation>协议错误</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Implementation specific error</source>
        <translation>实现相关的错误</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unsupported Protocol Version</source>
        <translation>不支持的协议版本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Client Identifier not valid</source>
        <translation>客户端标识符无效</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bad User Name or Password</source>
        <translation>用户名或密码错误</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not authorized</source>
        <translation>未授权</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server unavailable</source>
        <translation>服务器不可用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server busy</source>
        <translation>服务器繁忙</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Banned</source>
        <translation>已被禁止</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server shutting down</source>
        <translation>服务器正在关闭</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bad authentication method</source>
        <translation>认证方法错误</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep Alive timeout</source>
        <translation>保活超时</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Session taken over</source>
        <translation>会话被接管</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Topic Filter invalid</source>
        <translation>主题过滤器无效</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Topic Name invalid</source>
        <translation>主题名无效</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Packet Identifier in use</source>
        <translation>报文标识符已被使用</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Packet Identifier not found</source>
        <translation>找不到报文标识符</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Receive Maximum exceeded</source>
        <translation>超过接收最大值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Topic Alias invalid</source>
        <translation>主题别名无效</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Packet too large</source>
        <translation>报文过大</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Message rate too high</source>
        <translation>消息速率过高</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quota exceeded</source>
        <translation>超出配额</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Administrative action</source>
        <translation>管理操作</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Payload format invalid</source>
        <translation>负载格式无效</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Retain not supported</source>
        <translation>不支持保留</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>QoS not supported</source>
        <translation>不支持该 QoS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use another server</source>
        <translation>请使用其他服务器</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server moved</source>
        <translation>服务器已迁移</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shared Subscriptions not supported</source>
        <translation>不支持共享订阅</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connection rate exceeded</source>
        <translation>超出连接速率</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Maximum connect time</source>
        <translation>达到最长连接时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Subscription Identifiers not supported</source>
        <translation>不支持订阅标识符</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wildcard Subscriptions not supported</source>
        <translation>不支持通配符订阅</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Unknown reason code 0x%1</source>
        <translation>未知原因码 0x%1</translation>
    </message>
</context>
<context>
    <name>mqttscope::RecordingBar</name>
    <message>
        <location filename="../ui/recordingbar.cpp" line="+24"/>
        <source>Record…</source>
        <translation>录制…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record what this connection receives and publishes to a file</source>
        <translation>将此连接接收和发布的消息录制到文件</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
</context>
<context>
    <name>mqttscope::RecordingDialog</name>
    <message>
        <location filename="../ui/recordingdialog.cpp" line="+31"/>
        <source>Also what this connection publishes</source>
        <translation>也录制此连接发布的消息</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+32"/>
        <source>Record</source>
        <translation>录制</translation>
    </message>
    <message>
        <location line="-28"/>
        <source>Every message received; or topic filters, one per line</source>
        <translation>接收到的所有消息；或填写主题过滤器，每行一个</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stop recording</source>
        <translation>停止录制</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drop the oldest messages</source>
        <translation>丢弃最旧的消息</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Topics:</source>
        <translation>主题：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Size budget:</source>
        <translation>大小上限：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When full:</source>
        <translation>写满时：</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Choose the file to record to.</source>
        <translation>请选择要录制到的文件。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Record to</source>
        <translation>录制到</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Recordings (*.mqttrec);;All files (*)</source>
        <translation>录制文件 (*.mqttrec);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>mqttscope::RecordingTab</name>
    <message>
        <location filename="../ui/recordingtab.cpp" line="+97"/>
        <source>Some .proto files of %1 did not compile</source>
        <translation>%1 的部分 .proto 文件未能编译</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Their message types are shown as hex until fixed.</source>
        <translation>在修复之前，其消息类型以十六进制显示。</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>%1 (%2 %3–%4)</source>
        <translation>%1（%2 %3–%4）</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 messages</source>
        <translation>%1 条消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 topics</source>
        <translation>%1 个主题</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>recorded from %1</source>
        <translation>录制自 %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>MQTT %1</source>
        <translation>MQTT %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <location line="+184"/>
        <source>Copy topic</source>
        <translation>复制主题</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export history…</source>
        <translation>导出历史…</translation>
    </message>
</context>
<context>
    <name>mqttscope::RecordingWriter</name>
    <message>
        <location filename="../core/recording/recordingwriter.cpp" line="+136"/>
        <source>size budget reached (%1)</source>
        <translation>已达到大小上限（%1）</translation>
    </message>
</context>
<context>
    <name>mqttscope::ReplayDialog</name>
    <message>
        <location filename="../ui/replaydialog.cpp" line="+49"/>
        <source>Replay</source>
        <translation>回放</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Start</source>
        <translation>开始(&amp;S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+278"/>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <location line="-277"/>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>From</source>
        <translation>来源</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recording &amp;file:</source>
        <translation>录制文件(&amp;F)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The selected subtree (no messages kept)</source>
        <translation>所选子树（没有保留的消息）</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Into</source>
        <translation>目标</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Connection:</source>
        <translation>连接(&amp;C)：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>How</source>
        <translation>方式</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recorded times ×</source>
        <translation>录制节奏 ×</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>As &amp;fast as the broker takes them</source>
        <translation>以代理能接收的最快速度(&amp;F)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Pace:</source>
        <translation>节奏：</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+3"/>
        <source>As recorded</source>
        <translation>与录制时相同</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>&amp;QoS:</source>
        <translation>QoS(&amp;Q)：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every message retained</source>
        <translation>所有消息均保留</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>None retained</source>
        <translation>均不保留</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Retain:</source>
        <translation>保留(&amp;R)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Leave out the MQTT 5 properties</source>
        <translation>省略 MQTT 5 属性</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Also what the recording connection published</source>
        <translation>也回放录制连接发布的消息</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>becomes</source>
        <translation>替换为</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Topic prefix:</source>
        <translation>主题前缀：</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>every topic</source>
        <translation>所有主题</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>The history of %1 (%n message(s) kept)</source>
        <translation>
            <numerusform>%1 的历史（保留了 %n 条消息）</numerusform>
        </translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Replay recording</source>
        <translation>回放录制文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recordings (*.mqttrec *.sqlite *.db);;All files (*)</source>
        <translation>录制文件 (*.mqttrec *.sqlite *.db);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Choose a saved connection to replay into.</source>
        <translation>请选择要回放到的已保存连接。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Cannot replay %1: %2</source>
        <translation>无法回放 %1：%2</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1 of %2 sent · %3 acknowledged · %4 failed</source>
        <translation>已发送 %1/%2 条 · 已确认 %3 条 · 失败 %4 条</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> · %1 left</source>
        <translation> · 剩余 %1</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Done: every message acknowledged.</source>
        <translation>完成：所有消息均已确认。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n message(s) not acknowledged.</source>
        <translation>
            <numerusform>%n 条消息未得到确认。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>#%1 %2: %3</source>
        <translation>#%1 %2：%3</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Resume</source>
        <translation>继续(&amp;R)</translation>
    </message>
</context>
<context>
    <name>mqttscope::Replayer</name>
    <message>
        <location filename="../core/replay/replayer.cpp" line="+79"/>
        <source>Nothing to replay</source>
        <translation>没有可回放的内容</translation>
    </message>
    <message>
        <location line="+156"/>
        <source>Refused by the client</source>
        <translation>被客户端拒绝</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>The connection ended</source>
        <translation>连接已结束</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The connection ended: %1</source>
        <translation>连接已结束：%1</translation>
    </message>
</context>
<context>
    <name>mqttscope::RevealSecretAction</name>
    <message>
        <location filename="../ui/revealsecretaction.cpp" line="+55"/>
        <source>Hide the password</source>
        <translation>隐藏密码</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show the password</source>
        <translation>显示密码</translation>
    </message>
</context>
<context>
    <name>mqttscope::SasTokenEditor</name>
    <message>
        <location filename="../ui/sastokeneditor.cpp" line="+23"/>
        <source>Password is an Azure SAS token made from a device key</source>
        <translation>密码是由设备密钥生成的 Azure SAS 令牌</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Device key (base64)</source>
        <translation>设备密钥（base64）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kept in the system keychain, never in the profile file; a new token is signed with it at each connect</source>
        <translation>保存在系统密钥环中，绝不写入配置文件；每次连接时用它签发新令牌</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> s valid</source>
        <translation> 秒有效</translation>
    </message>
</context>
<context>
    <name>mqttscope::SavedMessageDialog</name>
    <message>
        <location filename="../ui/savedmessagedialog.cpp" line="+32"/>
        <source>Only for this connection</source>
        <translation>仅用于此连接</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Retain</source>
        <translation>保留</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Payload is UTF-8 text</source>
        <translation>负载是 UTF-8 文本</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Save message</source>
        <translation>保存消息</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit saved message</source>
        <translation>编辑已保存的消息</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Topic; {{counter}}, {{uuid}}, … are filled in when sent</source>
        <translation>主题；{{counter}}、{{uuid}} 等在发送时填入</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Payload; {{timestamp}}, {{timestamp_ms}}, {{uuid}}, {{counter}}, {{random:1-100}}</source>
        <translation>负载；{{timestamp}}、{{timestamp_ms}}、{{uuid}}、{{counter}}、{{random:1-100}}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hex</source>
        <translation>十六进制</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Base64</source>
        <translation>Base64</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>QoS %1</source>
        <translation>QoS %1</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Topic:</source>
        <translation>主题：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payload:</source>
        <translation>负载：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encode as:</source>
        <translation>编码为：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>QoS:</source>
        <translation>QoS：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shortcut:</source>
        <translation>快捷键：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>not sent</source>
        <translation>不发送</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Content type:</source>
        <translation>内容类型：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payload format:</source>
        <translation>负载格式：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message expiry:</source>
        <translation>消息过期：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Response topic:</source>
        <translation>响应主题：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Correlation data:</source>
        <translation>关联数据：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User properties:</source>
        <translation>用户属性：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>MQTT 5 properties</source>
        <translation>MQTT 5 属性</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>The message needs a name.</source>
        <translation>消息需要一个名称。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The message needs a topic.</source>
        <translation>消息需要一个主题。</translation>
    </message>
</context>
<context>
    <name>mqttscope::SavedMessageLibrary</name>
    <message>
        <location filename="../core/profiles/savedmessagelibrary.cpp" line="+61"/>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Not a JSON document: %1 at offset %2</source>
        <translation>不是 JSON 文档：%1，位于偏移 %2</translation>
    </message>
    <message>
        <location line="+120"/>
        <source>Not a saved-messages file: it holds no &quot;%1&quot; document</source>
        <translation>不是已保存消息文件：其中没有“%1”文档</translation>
    </message>
</context>
<context>
    <name>mqttscope::SavedMessagesPanel</name>
    <message>
        <location filename="../ui/savedmessagespanel.cpp" line="+33"/>
        <source>Saved messages (*.json);;All files (*)</source>
        <translation>已保存的消息 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+347"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location line="-346"/>
        <location line="+347"/>
        <source>Load into form</source>
        <translation>载入表单</translation>
    </message>
    <message>
        <location line="-346"/>
        <location line="+347"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location line="-346"/>
        <location line="+347"/>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <location line="-346"/>
        <location line="+347"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location line="-342"/>
        <source>Search names, folders, topics and payloads</source>
        <translation>搜索名称、文件夹、主题和负载</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Send the selected message (Ctrl+Enter)</source>
        <translation>发送所选消息（Ctrl+Enter）</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>Shared by every connection</source>
        <translation>所有连接共用</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only for this connection</source>
        <translation>仅用于此连接</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Select a message to see what it sends.</source>
        <translation>选择一条消息以查看它发送的内容。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1, encoded as %2</source>
        <translation>%1，编码为 %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sends: %1 · QoS %2%3 · %4</source>
        <translation>发送：%1 · QoS %2%3 · %4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> · retained</source>
        <translation> · 保留</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>The library was not saved: %1</source>
        <translation>消息库未保存：%1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 was not sent: %2</source>
        <translation>%1 未发送：%2</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Sending %1…</source>
        <translation>正在发送 %1…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sent %1: %2</source>
        <translation>已发送 %1：%2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sending %1 failed: %2</source>
        <translation>发送 %1 失败：%2</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Rename saved message</source>
        <translation>重命名已保存的消息</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Delete saved message</source>
        <translation>删除已保存的消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the saved message %1?</source>
        <translation>删除已保存的消息 %1？</translation>
    </message>
    <message numerus="yes">
        <location line="+32"/>
        <source>Imported %n message(s).</source>
        <translation>
            <numerusform>已导入 %n 条消息。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Import saved messages</source>
        <translation>导入已保存的消息</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot import %1: %2</source>
        <translation>无法导入 %1：%2</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export saved messages</source>
        <translation>导出已保存的消息</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Exported %n message(s).</source>
        <translation>
            <numerusform>已导出 %n 条消息。</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot export to %1: %2</source>
        <translation>无法导出到 %1：%2</translation>
    </message>
</context>
<context>
    <name>mqttscope::SearchMatcher</name>
    <message>
        <location filename="../core/search/searchmatcher.cpp" line="+40"/>
        <source>the time range ends before it starts</source>
        <translation>时间范围的结束早于开始</translation>
    </message>
</context>
<context>
    <name>mqttscope::SearchPanel</name>
    <message>
        <location filename="../ui/searchpanel.cpp" line="+32"/>
        <source>&lt;p&gt;Conditions on fields of JSON payloads, joined with &lt;b&gt;and&lt;/b&gt;:&lt;/p&gt;&lt;p&gt;&lt;code&gt;battery &amp;lt; 20&lt;/code&gt;&lt;br&gt;&lt;code&gt;status == &quot;error&quot;&lt;/code&gt;&lt;br&gt;&lt;code&gt;a.b[2].c &amp;gt;= 1.5 and x != null&lt;/code&gt;&lt;br&gt;&lt;code&gt;tags contains &quot;red&quot;&lt;/code&gt;&lt;/p&gt;&lt;p&gt;Comparisons: == != &amp;lt; &amp;lt;= &amp;gt; &amp;gt;= contains. Values: numbers, &quot;text&quot; in double quotes, true, false, null. A field the payload does not have matches nothing; a name with spaces goes in quotes: &lt;code&gt;&quot;room name&quot; == &quot;hall&quot;&lt;/code&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;针对 JSON 负载字段的条件，用 &lt;b&gt;and&lt;/b&gt; 连接：&lt;/p&gt;&lt;p&gt;&lt;code&gt;battery &amp;lt; 20&lt;/code&gt;&lt;br&gt;&lt;code&gt;status == &quot;error&quot;&lt;/code&gt;&lt;br&gt;&lt;code&gt;a.b[2].c &amp;gt;= 1.5 and x != null&lt;/code&gt;&lt;br&gt;&lt;code&gt;tags contains &quot;red&quot;&lt;/code&gt;&lt;/p&gt;&lt;p&gt;比较运算符：== != &amp;lt; &amp;lt;= &amp;gt; &amp;gt;= contains。值：数字、放在双引号中的 &quot;文本&quot;、true、false、null。负载中不存在的字段不匹配任何内容；含空格的名称要放在引号中：&lt;code&gt;&quot;room name&quot; == &quot;hall&quot;&lt;/code&gt;。&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Topic filter, e.g. sensors/+/battery or #</source>
        <translation>主题过滤器，例如 sensors/+/battery 或 #</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Topic:</source>
        <translation>主题(&amp;T)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Text the payload contains</source>
        <translation>负载包含的文本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contains</source>
        <translation>包含</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regular expression</source>
        <translation>正则表达式</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Contains: the payload bytes hold the text, case sensitive.
Regular expression: the payload read as UTF-8 matches anywhere; (?i) ignores case.</source>
        <translation>包含：负载字节中含有该文本，区分大小写。
正则表达式：将负载按 UTF-8 读取，在任意位置匹配；(?i) 忽略大小写。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Payload:</source>
        <translation>负载(&amp;P)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>JSON field, e.g. battery &lt; 20</source>
        <translation>JSON 字段，例如 battery &lt; 20</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;JSON:</source>
        <translation>JSON(&amp;J)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>value (any when empty)</source>
        <translation>值（留空表示任意）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;User property:</source>
        <translation>用户属性(&amp;U)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>content type</source>
        <translation>内容类型</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>correlation data contains</source>
        <translation>关联数据包含</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>MQTT &amp;5:</source>
        <translation>MQTT 5(&amp;5)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time:</source>
        <translation>时间：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Search</source>
        <translation>搜索(&amp;S)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>from</source>
        <translation>从</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>&amp;Export results…</source>
        <translation>导出结果(&amp;E)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Writes every message matching the query now (not only those listed) as JSON lines (the format of mqttscope-cli sub --json) or CSV</source>
        <translation>将当前与查询匹配的所有消息（不仅是已列出的）写为 JSON Lines（mqttscope-cli sub --json 的格式）或 CSV</translation>
    </message>
    <message>
        <location line="+109"/>
        <source>Column %1: %2</source>
        <translation>第 %1 列：%2</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>JSON lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export search results</source>
        <translation>导出搜索结果</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Exporting to %1…</source>
        <translation>正在导出到 %1…</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>Exported %n message(s) to %1</source>
        <translation>
            <numerusform>已将 %n 条消息导出到 %1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export to %1 failed: %2</source>
        <translation>导出到 %1 失败：%2</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 of %2 messages listed</source>
        <translation>已列出 %2 条消息中的 %1 条</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n message(s) found</source>
        <translation>
            <numerusform>找到 %n 条消息</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancelled: %1</source>
        <translation>已取消：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (stopped: %2)</source>
        <translation>%1（已停止：%2）</translation>
    </message>
</context>
<context>
    <name>mqttscope::SearchResultModel</name>
    <message>
        <location filename="../ui/models/searchresultmodel.cpp" line="+69"/>
        <source>Received</source>
        <translation>接收时间</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Payload</source>
        <translation>负载</translation>
    </message>
</context>
<context>
    <name>mqttscope::SecretStore</name>
    <message>
        <location filename="../core/profiles/secretstore.cpp" line="+54"/>
        <source>No keychain is available</source>
        <translation>没有可用的密钥环</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The keychain did not answer</source>
        <translation>密钥环没有响应</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>No keychain is available; the secret is kept until mqttscope exits</source>
        <translation>没有可用的密钥环；机密信息将保留到 mqttscope 退出</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The keychain could not store the secret; it is kept until mqttscope exits</source>
        <translation>密钥环无法保存机密信息；它将保留到 mqttscope 退出</translation>
    </message>
</context>
<context>
    <name>mqttscope::SecretsDialog</name>
    <message>
        <location filename="../ui/secretsdialog.cpp" line="+42"/>
        <source>Secrets for %1</source>
        <translation>%1 的密钥</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1
What you type is kept in memory until mqttscope exits, never on disk.</source>
        <translation>%1
输入的内容只保存在内存中，直到 mqttscope 退出，绝不写入磁盘。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Password for %1:</source>
        <translation>%1 的密码：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Passphrase of %1:</source>
        <translation>%1 的口令：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Password of %1:</source>
        <translation>%1 的密码：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Password for %1 at the proxy %2:</source>
        <translation>%1 在代理服务器 %2 上的密码：</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Device key of %1:</source>
        <translation>%1 的设备密钥：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Header %1:</source>
        <translation>请求头 %1：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <location filename="../ui/profilesecretsrequest.cpp" line="+20"/>
        <source>The system keychain did not answer (%1).</source>
        <translation>系统钥匙串没有应答（%1）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The keychain holds no secrets for %1.</source>
        <translation>钥匙串中没有 %1 的密钥。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The keychain holds not every secret %1 needs.</source>
        <translation>钥匙串中没有 %1 所需的全部密钥。</translation>
    </message>
</context>
<context>
    <name>mqttscope::Sparkplug</name>
    <message>
        <location filename="../core/decode/sparkplugencoder.cpp" line="+135"/>
        <source>%1: datatype %2 cannot be sent</source>
        <translation>%1：数据类型 %2 无法发送</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1: &quot;%2&quot; is not a valid %3</source>
        <translation>%1：&quot;%2&quot; 不是有效的 %3</translation>
    </message>
    <message>
        <location filename="../core/decode/sparkplugpayload.cpp" line="+518"/>
        <location line="+15"/>
        <source>not a Sparkplug B payload: the protobuf does not parse</source>
        <translation>不是 Sparkplug B 负载：protobuf 无法解析</translation>
    </message>
</context>
<context>
    <name>mqttscope::Sparkplug::JsonWriter</name>
    <message>
        <location line="-344"/>
        <source>nested deeper than %1 levels</source>
        <translation>嵌套超过 %1 层</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: unknown datatype %2</source>
        <translation>%1：未知的数据类型 %2</translation>
    </message>
    <message>
        <location line="+75"/>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>dataset column %1</source>
        <translation>数据集列 %1</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>property</source>
        <translation>属性</translation>
    </message>
</context>
<context>
    <name>mqttscope::SparkplugCommandDialog</name>
    <message>
        <location filename="../ui/sparkplugcommanddialog.cpp" line="+50"/>
        <source>Group ID</source>
        <translation>组 ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edge node ID</source>
        <translation>边缘节点 ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None: an NCMD to the edge node</source>
        <translation>无：向边缘节点发送 NCMD</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Metric name</source>
        <translation>指标名称</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sparkplug B command</source>
        <translation>Sparkplug B 命令</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Value, e.g. true, 42, 21.5, text</source>
        <translation>值，例如 true、42、21.5、text</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Group:</source>
        <translation>组：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edge node:</source>
        <translation>边缘节点：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Device:</source>
        <translation>设备：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Metric:</source>
        <translation>指标：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Datatype:</source>
        <translation>数据类型：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value:</source>
        <translation>值：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Topic:</source>
        <translation>主题：</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Send rebirth</source>
        <translation>发送重生请求</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ask the edge node to publish its NBIRTH and DBIRTHs again</source>
        <translation>请求边缘节点重新发布其 NBIRTH 和 DBIRTH</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>%1 is empty</source>
        <translation>%1 为空</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 &quot;%2&quot; may not contain &apos;/&apos;, &apos;+&apos; or &apos;#&apos;</source>
        <translation>%1“%2”不能包含“/”、“+”或“#”</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The group ID</source>
        <translation>组 ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The edge node ID</source>
        <translation>边缘节点 ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The device ID</source>
        <translation>设备 ID</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The metric needs a name</source>
        <translation>指标需要一个名称</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Sent %1 = %2 to %3 at %4</source>
        <translation>已于 %4 将 %1 = %2 发送到 %3</translation>
    </message>
</context>
<context>
    <name>mqttscope::SparkplugTracker</name>
    <message>
        <location filename="../core/decode/sparkplugtracker.cpp" line="+73"/>
        <source>STATE of host %1 is neither {&quot;online&quot;:true|false,...} nor ONLINE/OFFLINE</source>
        <translation>主机 %1 的 STATE 既不是 {&quot;online&quot;:true|false,...}，也不是 ONLINE/OFFLINE</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>%1 from %2 before its NBIRTH</source>
        <translation>%2 在其 NBIRTH 之前发送了 %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>alias %1 was not defined by a BIRTH</source>
        <translation>别名 %1 未由 BIRTH 定义</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>NDEATH with bdSeq %1, the NBIRTH announced %2</source>
        <translation>NDEATH 的 bdSeq 为 %1，而 NBIRTH 公布的是 %2</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>the payload has no seq</source>
        <translation>负载中没有 seq</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>seq %1 expected, %2 received (out of order)</source>
        <translation>应为 seq %1，收到 %2（顺序错乱）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>seq %1 expected, %2 received</source>
        <translation>应为 seq %1，收到 %2</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 from %2/%3 before its DBIRTH</source>
        <translation>%2/%3 在其 DBIRTH 之前发送了 %1</translation>
    </message>
</context>
<context>
    <name>mqttscope::StartPage</name>
    <message>
        <location filename="../ui/startpage.cpp" line="+32"/>
        <source>&lt;b&gt;Saved connections&lt;/b&gt;</source>
        <translation>&lt;b&gt;已保存的连接&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&lt;p&gt;No saved connections yet.&lt;/p&gt;&lt;p&gt;Create one for your broker with &lt;b&gt;New connection…&lt;/b&gt; (a local mosquitto listens on &lt;i&gt;localhost&lt;/i&gt;, port 1883), or start mqttscope with a broker&apos;s URL: &lt;tt&gt;mqttscope mqtt://localhost:1883/sensors/#&lt;/tt&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;还没有已保存的连接。&lt;/p&gt;&lt;p&gt;用&lt;b&gt;新建连接…&lt;/b&gt;为你的代理创建一个（本地 mosquitto 监听 &lt;i&gt;localhost&lt;/i&gt; 的 1883 端口），或用代理的 URL 启动 mqttscope：&lt;tt&gt;mqttscope mqtt://localhost:1883/sensors/#&lt;/tt&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&lt;h2&gt;mqttscope&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;mqttscope&lt;/h2&gt;</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open a connection to browse a broker&apos;s topics live.</source>
        <translation>打开一个连接，实时浏览代理的主题。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Filter saved connections</source>
        <translation>筛选已保存的连接</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>New connection…</source>
        <translation>新建连接…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved connections…</source>
        <translation>已保存的连接…</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>Reopen last session (%n tab(s))</source>
        <translation>
            <numerusform>重新打开上次的会话（%n 个标签页）</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/startpageprofilemodel.cpp" line="+59"/>
        <source>Connect to %1</source>
        <translation>连接到 %1</translation>
    </message>
    <message>
        <location filename="../ui/startpage.cpp" line="+46"/>
        <source>Never connected</source>
        <translation>从未连接</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Last connected today at %1</source>
        <translation>上次连接：今天 %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last connected yesterday at %1</source>
        <translation>上次连接：昨天 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last connected on %1</source>
        <translation>上次连接：%1</translation>
    </message>
</context>
<context>
    <name>mqttscope::SubscriptionsPanel</name>
    <message>
        <location filename="../ui/subscriptionspanel.cpp" line="+59"/>
        <source>No local</source>
        <translation>不接收本地消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retain as published</source>
        <translation>保留发布时的保留标志</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Topic filter, e.g. sensors/+/temperature or #</source>
        <translation>主题过滤器，例如 sensors/+/temperature 或 #</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>QoS %1</source>
        <translation>QoS %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Do not receive the messages this connection publishes</source>
        <translation>不接收本连接发布的消息</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep the retain flag as the publisher set it</source>
        <translation>保持发布者设置的保留标志</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Send retained</source>
        <translation>发送保留消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send retained if new</source>
        <translation>新订阅时发送保留消息</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No retained</source>
        <translation>不发送保留消息</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no id</source>
        <translation>无标识符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subscription identifier</source>
        <translation>订阅标识符</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Subscribe</source>
        <translation>订阅</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unsubscribe</source>
        <translation>取消订阅</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unsubscribe the selected filters (Del)</source>
        <translation>取消订阅所选的过滤器 (Del)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Filter</source>
        <translation>过滤器</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>QoS</source>
        <translation>QoS</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Enter a topic filter</source>
        <translation>请输入主题过滤器</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>no local</source>
        <translation>不接收本地消息</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>retain as published</source>
        <translation>保留发布时的保留标志</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no retained</source>
        <translation>不发送保留消息</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>retained if new</source>
        <translation>新订阅时发送保留消息</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>id %1</source>
        <translation>标识符 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+102"/>
        <source>waiting…</source>
        <translation>等待中…</translation>
    </message>
    <message>
        <location line="-87"/>
        <source>refused: %1</source>
        <translation>被拒绝：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>granted QoS %1</source>
        <translation>授予 QoS %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>unsubscribing…</source>
        <translation>正在取消订阅…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>unsubscribed</source>
        <translation>已取消订阅</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unsubscribe refused: %1</source>
        <translation>取消订阅被拒绝：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>unsubscribed: %1</source>
        <translation>已取消订阅：%1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>unsubscribe failed: %1</source>
        <translation>取消订阅失败：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>failed: %1</source>
        <translation>失败：%1</translation>
    </message>
</context>
<context>
    <name>mqttscope::TimelinePanel</name>
    <message>
        <location filename="../ui/timelinepanel.cpp" line="+30"/>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Speed of play, times the recorded pace</source>
        <translation>播放速度，为录制节奏的倍数</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>State at %1</source>
        <translation>%1 时的状态</translation>
    </message>
</context>
<context>
    <name>mqttscope::Topic</name>
    <message>
        <location filename="../core/protocol/topic.cpp" line="+27"/>
        <source>topic is empty</source>
        <translation>主题为空</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>topic is longer than 65535 bytes</source>
        <translation>主题超过 65535 字节</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>topic is not valid UTF-8 (%1)</source>
        <translation>主题不是有效的 UTF-8（%1）</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>&apos;#&apos; must be a whole level and the last one</source>
        <translation>“#”必须独占一级，并且是最后一级</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&apos;+&apos; must be a whole level</source>
        <translation>“+”必须独占一级</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>a topic name must not contain a wildcard (&apos;+&apos; or &apos;#&apos;)</source>
        <translation>主题名不能包含通配符（“+”或“#”）</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>shared subscription has an empty share name</source>
        <translation>共享订阅的共享名为空</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>shared subscription&apos;s share name contains a wildcard</source>
        <translation>共享订阅的共享名包含通配符</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>shared subscription has no topic filter after the share name</source>
        <translation>共享订阅的共享名后面没有主题过滤器</translation>
    </message>
</context>
<context>
    <name>mqttscope::TopicTreeModel</name>
    <message>
        <location filename="../ui/models/topictreemodel.cpp" line="+577"/>
        <source>Retained</source>
        <translation>保留</translation>
    </message>
    <message>
        <location line="+14"/>
        <location line="+4"/>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>(empty level)</source>
        <translation>（空级别）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>muted · %L1</source>
        <translation>已静音 · %L1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Muted by %1: its messages are counted, not shown</source>
        <translation>已被 %1 静音：其消息只计数，不显示</translation>
    </message>
    <message>
        <location line="+53"/>
        <location line="+9"/>
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location line="-9"/>
        <location line="+9"/>
        <source>offline</source>
        <translation>离线</translation>
    </message>
    <message numerus="yes">
        <location line="-6"/>
        <source>%1 · %n issue(s): %2</source>
        <translation>
            <numerusform>%1 · %n 个问题：%2</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sparkplug host: %1</source>
        <translation>Sparkplug 主机：%1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sparkplug: %1</source>
        <translation>Sparkplug：%1</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n issue(s), the last: %1</source>
        <translation>
            <numerusform>%n 个问题，最近一个：%1</numerusform>
        </translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Topic</source>
        <translation>主题</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Messages</source>
        <translation>消息数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Topics</source>
        <translation>主题数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Msg/s</source>
        <translation>条/秒</translation>
    </message>
</context>
<context>
    <name>mqttscope::TopicTreePane</name>
    <message>
        <location filename="../ui/topictreepane.cpp" line="+59"/>
        <source>Filter topics (Ctrl+F)</source>
        <translation>筛选主题 (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Substring</source>
        <translation>子串</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wildcard</source>
        <translation>通配符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Regex</source>
        <translation>正则表达式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Payload</source>
        <translation>负载</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How the filter matches: topic substring, MQTT wildcard filter (+, #), regular expression, or text in the latest payload</source>
        <translation>筛选的匹配方式：主题子串、MQTT 通配符过滤器（+、#）、正则表达式，或最新负载中的文本</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Arrival order</source>
        <translation>到达顺序</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By name</source>
        <translation>按名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By messages</source>
        <translation>按消息数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By rate</source>
        <translation>按速率</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Expand all</source>
        <translation>全部展开</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Collapse all</source>
        <translation>全部折叠</translation>
    </message>
    <message numerus="yes">
        <location line="+135"/>
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n 个匹配</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>mqttscope::Transport</name>
    <message>
        <location filename="../core/transport/tlstransport.cpp" line="+53"/>
        <source>Connection closed by %1 during the TLS handshake</source>
        <translation>%1 在 TLS 握手期间关闭了连接</translation>
    </message>
</context>
<context>
    <name>mqttscope::UserPropertiesEditor</name>
    <message>
        <location filename="../ui/userpropertieseditor.cpp" line="+7"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a user property</source>
        <translation>添加用户属性</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the selected user property</source>
        <translation>移除所选的用户属性</translation>
    </message>
</context>
<context>
    <name>mqttscope::Utf8</name>
    <message>
        <location filename="../core/protocol/utf8.cpp" line="+102"/>
        <source>ill-formed UTF-8</source>
        <translation>UTF-8 格式错误</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>overlong UTF-8 encoding</source>
        <translation>UTF-8 编码过长</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>encoded surrogate (U+D800..U+DFFF)</source>
        <translation>编码了代理项（U+D800..U+DFFF）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>contains U+0000</source>
        <translation>包含 U+0000</translation>
    </message>
</context>
<context>
    <name>mqttscope::ValuePlot</name>
    <message>
        <location filename="../ui/views/valueplot.cpp" line="+245"/>
        <source>No series to plot. Add a topic with numeric payloads, or a numeric field of a JSON payload.</source>
        <translation>没有可绘制的序列。请添加负载为数字的主题，或 JSON 负载中的数字字段。</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Waiting for numeric values…</source>
        <translation>等待数值…</translation>
    </message>
    <message>
        <location line="+143"/>
        <source>Remove “%1”</source>
        <translation>移除“%1”</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Clear values</source>
        <translation>清除数值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove all series</source>
        <translation>移除所有序列</translation>
    </message>
</context>
<context>
    <name>mqttscope::WebSocketHeadersEditor</name>
    <message>
        <location filename="../ui/websocketheaderseditor.cpp" line="+12"/>
        <source>Header</source>
        <translation>请求头</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Secret</source>
        <translation>机密</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sent with the WebSocket upgrade request, e.g. Authorization: Bearer …; a secret value is kept in the system keychain</source>
        <translation>随 WebSocket 升级请求发送，例如 Authorization: Bearer …；机密值保存在系统密钥环中</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a header</source>
        <translation>添加请求头</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the selected header</source>
        <translation>移除所选请求头</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stored in the keychain</source>
        <translation>已保存在密钥环中</translation>
    </message>
</context>
<context>
    <name>mqttscope::WebSocketTransport</name>
    <message>
        <location filename="../core/transport/websockettransport.cpp" line="+106"/>
        <source>%1 sent a text WebSocket frame; MQTT needs binary frames</source>
        <translation>%1 发送了文本 WebSocket 帧；MQTT 需要二进制帧</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>WebSocket closed by %1: %2</source>
        <translation>WebSocket 被 %1 关闭：%2</translation>
    </message>
</context>
<context>
    <name>mqttscope::cli</name>
    <message>
        <location filename="../app/cli/importcommand.cpp" line="+33"/>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>JSON lines</source>
        <translation>JSON Lines</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>mosquitto_sub -v lines</source>
        <translation>mosquitto_sub -v 行</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imported %n message(s) into %1 (%2).</source>
        <translation>已将 %n 条消息导入 %1（%2）。</translation>
    </message>
</context>
<context>
    <name>mqttscope::cli::ArgumentParser</name>
    <message>
        <location filename="../app/cli/argumentparser.cpp" line="+125"/>
        <source>Unknown option &apos;%1&apos;.</source>
        <translation>未知选项“%1”。</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 argument given but no value specified.</source>
        <translation>给出了 %1 参数，但没有指定值。</translation>
    </message>
    <message>
        <location filename="../app/cli/optiontable.cpp" line="+57"/>
        <source>Invalid port given: %1</source>
        <translation>给出的端口无效：%1</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Invalid QoS given: %1</source>
        <translation>给出的 QoS 无效：%1</translation>
    </message>
    <message>
        <location filename="../app/cli/argumentparser.cpp" line="+26"/>
        <source>Invalid protocol version argument given: %1</source>
        <translation>给出的协议版本参数无效：%1</translation>
    </message>
    <message>
        <location filename="../app/cli/optiontable.cpp" line="-9"/>
        <source>Invalid keepalive given, it must be between 5 and 65535 inclusive.</source>
        <translation>给出的保活间隔无效，必须在 5 到 65535 之间（含边界）。</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Invalid --max-inflight given, it must be between 0 and 65535 inclusive.</source>
        <translation>给出的 --max-inflight 无效，必须介于 0 到 65535 之间（含）。</translation>
    </message>
    <message>
        <location filename="../app/cli/argumentparser.cpp" line="+7"/>
        <source>session-expiry-interval not a number.</source>
        <translation>session-expiry-interval 不是数字。</translation>
    </message>
    <message>
        <location filename="../app/cli/optiontable.cpp" line="-43"/>
        <source>Invalid will QoS %1.</source>
        <translation>无效的遗嘱 QoS %1。</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Invalid message count &quot;%1&quot;.</source>
        <translation>无效的消息数“%1”。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Invalid timeout &quot;%1&quot;.</source>
        <translation>无效的超时“%1”。</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Invalid --decode: %1</source>
        <translation>无效的 --decode：%1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Invalid size &quot;%1&quot;: give bytes, or a number and K, M, G or T (500M, 2G).</source>
        <translation>无效的大小“%1”：请给出字节数，或数字加 K、M、G 或 T（500M、2G）。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Invalid --record-when-full &quot;%1&quot;: stop or drop-oldest.</source>
        <translation>无效的 --record-when-full“%1”：应为 stop 或 drop-oldest。</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Invalid --encode: %1</source>
        <translation>无效的 --encode：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Invalid --encode &quot;%1&quot;: protobuf:package.Message or msgpack.</source>
        <translation>无效的 --encode“%1”：应为 protobuf:package.Message 或 msgpack。</translation>
    </message>
    <message>
        <location filename="../app/cli/argumentparser.cpp" line="+13"/>
        <source>--json and -F cannot be used together.</source>
        <translation>--json 和 -F 不能同时使用。</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>Only one type of message can be sent at once.</source>
        <translation>一次只能发送一种类型的消息。</translation>
    </message>
    <message>
        <location filename="../app/cli/optiontable.cpp" line="-20"/>
        <source>--repeat argument must be &gt;0.</source>
        <translation>--repeat 参数必须大于 0。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>--repeat-delay argument must be &gt;=0.0.</source>
        <translation>--repeat-delay 参数必须大于或等于 0.0。</translation>
    </message>
    <message>
        <location filename="../app/cli/argumentparser.cpp" line="-160"/>
        <source>No command given: use &apos;sub&apos;, &apos;pub&apos;, &apos;replay&apos; or &apos;import&apos;.</source>
        <translation>没有给出命令：请使用“sub”、“pub”、“replay”或“import”。</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Unknown command &apos;%1&apos;: use &apos;sub&apos;, &apos;pub&apos;, &apos;replay&apos; or &apos;import&apos;.</source>
        <translation>未知命令“%1”：请使用“sub”、“pub”、“replay”或“import”。</translation>
    </message>
    <message>
        <location line="+88"/>
        <source>Only one recording can be replayed at once: &apos;%1&apos;.</source>
        <translation>一次只能回放一个录制文件：“%1”。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Only one file can be imported at once: &apos;%1&apos;.</source>
        <translation>一次只能导入一个文件：“%1”。</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Invalid --format given: %1 (auto, json or mosquitto).</source>
        <translation>给出的 --format 无效：%1（应为 auto、json 或 mosquitto）。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Invalid --speed given: %1 (a factor above 0, e.g. 0.5 or 10).</source>
        <translation>给出的 --speed 无效：%1（应为大于 0 的倍数，例如 0.5 或 10）。</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Invalid --rewrite given: &apos;%1&apos; (FROM=TO, topic prefixes without &apos;+&apos; or &apos;#&apos;).</source>
        <translation>给出的 --rewrite 无效：“%1”（应为 FROM=TO，主题前缀中不能有“+”或“#”）。</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Invalid URL &apos;%1&apos;: %2</source>
        <translation>无效的 URL“%1”：%2</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Invalid proxy URL &apos;%1&apos;: %2</source>
        <translation>无效的代理服务器 URL“%1”：%2</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Both certfile and keyfile must be provided if one of them is set.</source>
        <translation>设置了证书文件或密钥文件之一时，两者都必须提供。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>-i and -I argument cannot be used together.</source>
        <translation>-i 和 -I 参数不能同时使用。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>You must provide a client id if you are using the -c option.</source>
        <translation>使用 -c 选项时必须提供客户端 ID。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>You must provide a client id if you are using a session expiry interval.</source>
        <translation>使用会话过期间隔时必须提供客户端 ID。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A password without a username is invalid with MQTT v3.1 or v3.1.1.</source>
        <translation>在 MQTT v3.1 或 v3.1.1 中，没有用户名的密码是无效的。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Will payload, QoS or retain given, but no will topic given.</source>
        <translation>给出了遗嘱负载、QoS 或保留标志，但没有给出遗嘱主题。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Invalid will topic &apos;%1&apos;, does it contain &apos;+&apos; or &apos;#&apos;?</source>
        <translation>无效的遗嘱主题“%1”，是否包含“+”或“#”？</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>You must specify a topic to subscribe to.</source>
        <translation>必须指定要订阅的主题。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>-R and --retained-only cannot be used together.</source>
        <translation>-R 和 --retained-only 不能同时使用。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>--record-budget and --record-when-full need --record FILE.</source>
        <translation>--record-budget 和 --record-when-full 需要 --record FILE。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Invalid subscription topic &apos;%1&apos;, are all &apos;+&apos; and &apos;#&apos; wildcards correct?</source>
        <translation>无效的订阅主题“%1”，所有“+”和“#”通配符都正确吗？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Invalid filter topic &apos;%1&apos;, are all &apos;+&apos; and &apos;#&apos; wildcards correct?</source>
        <translation>无效的过滤主题“%1”，所有“+”和“#”通配符都正确吗？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Invalid unsubscribe topic &apos;%1&apos;, are all &apos;+&apos; and &apos;#&apos; wildcards correct?</source>
        <translation>无效的取消订阅主题“%1”，所有“+”和“#”通配符都正确吗？</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Both topic and message must be supplied.</source>
        <translation>必须同时提供主题和消息。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Invalid publish topic &apos;%1&apos;, does it contain &apos;+&apos; or &apos;#&apos;?</source>
        <translation>无效的发布主题“%1”，是否包含“+”或“#”？</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--encode needs a JSON message (-m, -f, -l or -s), not -n.</source>
        <translation>--encode 需要 JSON 消息（-m、-f、-l 或 -s），不能用 -n。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>You must give the recording file to replay.</source>
        <translation>必须给出要回放的录制文件。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>--speed and --as-fast cannot be used together.</source>
        <translation>--speed 和 --as-fast 不能同时使用。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>You must give the file to import (or - for standard input).</source>
        <translation>必须给出要导入的文件（或用 - 表示标准输入）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You must give the recording to create with --output.</source>
        <translation>必须用 --output 给出要创建的录制文件。</translation>
    </message>
</context>
<context>
    <name>mqttscope::cli::ClientCommand</name>
    <message>
        <location filename="../app/cli/clientcommand.cpp" line="+33"/>
        <source>reconnecting in %1 ms</source>
        <translation>%1 毫秒后重连</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>Connection refused: %1</source>
        <translation>连接被拒绝：%1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>lost the connection: %1</source>
        <translation>连接丢失：%1</translation>
    </message>
</context>
<context>
    <name>mqttscope::cli::HelpText</name>
    <message>
        <location filename="../app/cli/helptext.cpp" line="+17"/>
        <source>Connection:
 -h, --host HOST      broker host (default localhost)
 -p, --port PORT      broker port (default 1883, 8883 with TLS)
 -L, --url URL        mqtt[s]://|ws[s]://[user[:pass]@]host[:port]/path; for mqtt[s]
                      the path is the topic, for ws[s] the WebSocket path
 --proxy PROXY_URL    through a proxy: socks5h://[user[:pass]@]host[:port]
                      (default port 1080, names resolved by the proxy) or
                      http://[user[:pass]@]host[:port] (CONNECT, default 8080)
 -V, --protocol-version auto|mqttv5|mqttv311|mqttv31 (also 5, 311, 31); default auto:
                      5.0, falling back to 3.1.1 when the broker refuses 5.0
 -i, --id ID          client id (default: assigned by the broker)
 -I, --id-prefix P    client id made of P and the process id
 -u, --username USER  -P, --pw PASSWORD
 -k, --keepalive SEC  keepalive, 5..65535 (default 60)
 -c, --disable-clean-session  persistent session (needs -i or -I)
 -x SECONDS           session expiry interval (MQTT 5; -1 = never)
 -q, --qos 0|1|2      QoS to subscribe or publish with (default 0)
 -D, --property COMMAND IDENTIFIER VALUE   MQTT 5 property, as mosquitto: COMMAND is
                      CONNECT, PUBLISH, SUBSCRIBE, UNSUBSCRIBE, DISCONNECT or WILL,
                      IDENTIFIER e.g. user-property NAME VALUE, content-type,
                      message-expiry-interval, receive-maximum, session-expiry-interval
 --will-topic T  --will-payload P  --will-qos Q  --will-retain
 -d, --debug          print connection events and packets to stderr
TLS:
 --cafile FILE  --capath DIR   trusted CAs (default: the OS trust store)
 --tls-use-os-certs   TLS with the OS trust store
 --cert FILE --key FILE        client certificate and key (PEM)
 --key-passphrase PASS         passphrase of an encrypted key or of --pkcs12
 --pkcs12 FILE        client certificate and key in one PKCS#12 file
 --insecure           do not verify the server certificate and host name
 --tls-alpn PROTOCOL  ALPN protocol, e.g. x-amzn-mqtt-ca
</source>
        <translation>连接：
 -h, --host HOST      代理主机（默认 localhost）
 -p, --port PORT      代理端口（默认 1883，使用 TLS 时为 8883）
 -L, --url URL        mqtt[s]://|ws[s]://[user[:pass]@]host[:port]/path；对 mqtt[s]
                      路径是主题，对 ws[s] 路径是 WebSocket 路径
 --proxy PROXY_URL    经由代理服务器：socks5h://[user[:pass]@]host[:port]
                      （默认端口 1080，由代理服务器解析主机名）或
                      http://[user[:pass]@]host[:port]（CONNECT，默认 8080）
 -V, --protocol-version auto|mqttv5|mqttv311|mqttv31（也可用 5、311、31）；默认 auto：
                      使用 5.0，代理拒绝 5.0 时回退到 3.1.1
 -i, --id ID          客户端 ID（默认：由代理分配）
 -I, --id-prefix P    由 P 和进程 ID 组成的客户端 ID
 -u, --username USER  -P, --pw PASSWORD
 -k, --keepalive SEC  保活间隔，5..65535（默认 60）
 -c, --disable-clean-session  持久会话（需要 -i 或 -I）
 -x SECONDS           会话过期间隔（MQTT 5；-1 = 永不过期）
 -q, --qos 0|1|2      订阅或发布使用的 QoS（默认 0）
 -D, --property COMMAND IDENTIFIER VALUE   MQTT 5 属性，与 mosquitto 相同：COMMAND 为
                      CONNECT、PUBLISH、SUBSCRIBE、UNSUBSCRIBE、DISCONNECT 或 WILL，
                      IDENTIFIER 例如 user-property NAME VALUE、content-type、
                      message-expiry-interval、receive-maximum、session-expiry-interval
 --will-topic T  --will-payload P  --will-qos Q  --will-retain
 -d, --debug          将连接事件和报文打印到标准错误
TLS：
 --cafile FILE  --capath DIR   受信任的 CA（默认：操作系统的信任存储）
 --tls-use-os-certs   使用操作系统信任存储的 TLS
 --cert FILE --key FILE        客户端证书和密钥（PEM）
 --key-passphrase PASS         加密密钥或 --pkcs12 的密码短语
 --pkcs12 FILE        包含客户端证书和密钥的 PKCS#12 文件
 --insecure           不验证服务器证书和主机名
 --tls-alpn PROTOCOL  ALPN 协议，例如 x-amzn-mqtt-ca
</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Delivery:
 --max-inflight N     QoS 1/2 messages awaiting their ack at most (default 20;
                      0 = no limit); brokers drop what exceeds their quota
</source>
        <translation>投递：
 --max-inflight N     最多等待确认的 QoS 1/2 消息数（默认 20；
                      0 = 不限）；代理会丢弃超出其配额的消息
</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>mqttscope-cli %1: MQTT 5.0/3.1.1 command-line client, a drop-in for mosquitto_sub and mosquitto_pub.

Usage: mqttscope-cli sub [OPTIONS] -t TOPIC...
       mqttscope-cli pub [OPTIONS] -t TOPIC {-m MESSAGE | -f FILE | -l | -n | -s}
       mqttscope-cli replay [OPTIONS] FILE
       mqttscope-cli import FILE --output RECORDING
       mqttscope-cli sub --help | pub --help | replay --help | import --help | --version
</source>
        <translation>mqttscope-cli %1：MQTT 5.0/3.1.1 命令行客户端，可直接替代 mosquitto_sub 和 mosquitto_pub。

用法：mqttscope-cli sub [选项] -t 主题...
      mqttscope-cli pub [选项] -t 主题 {-m 消息 | -f 文件 | -l | -n | -s}
      mqttscope-cli replay [选项] 文件
      mqttscope-cli import 文件 --output 录制文件
      mqttscope-cli sub --help | pub --help | replay --help | import --help | --version
</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Usage: mqttscope-cli replay [OPTIONS] FILE
Publishes the messages a recording received, on their recorded schedule, and waits
until every one is acknowledged (PUBACK/PUBCOMP, or written for QoS 0).

Replay:
 FILE                 a recording file (docs/recording.md)
 --speed X            X times the recorded pace, e.g. 0.5, 10, 100 (default 1)
 --as-fast            as fast as the broker acknowledges, ignoring the times
 --rewrite FROM=TO    topics starting with FROM start with TO instead
                      (e.g. prod/=test/; =replay/ puts replay/ before every topic)
 --published          also what the recording connection published
 -r, --retain         publish every message retained  --no-retain  none retained
 -q and -D PUBLISH replace the recorded QoS and MQTT 5 properties of every message.
A progress line on stderr while it runs (on a terminal) and a summary at the end.

</source>
        <translation>用法：mqttscope-cli replay [选项] 文件
按录制时的时间安排发布录制文件所接收的消息，并等待
每条消息都得到确认（PUBACK/PUBCOMP，QoS 0 则为已写出）。

回放：
 FILE                 录制文件（docs/recording.md）
 --speed X            录制节奏的 X 倍，例如 0.5、10、100（默认 1）
 --as-fast            以代理确认的最快速度发送，忽略录制时间
 --rewrite FROM=TO    以 FROM 开头的主题改为以 TO 开头
                      （例如 prod/=test/；=replay/ 在每个主题前加上 replay/）
 --published          也回放录制连接发布的消息
 -r, --retain         所有消息均以保留方式发布  --no-retain  均不保留
 -q 和 -D PUBLISH 替换每条消息录制的 QoS 和 MQTT 5 属性。
运行时在标准错误输出进度行（在终端上），结束时输出摘要。

</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>
Exit status: 0 when every message was acknowledged; the CONNACK reason code when the broker refused; 1 otherwise (the file cannot be read, a message was not acknowledged, the connection ended, SIGINT/SIGTERM stopped it), with the reason on stderr.
</source>
        <translation>
退出状态：所有消息都得到确认时为 0；代理拒绝连接时为 CONNACK 原因码；否则为 1（文件无法读取、有消息未得到确认、连接已结束、被 SIGINT/SIGTERM 停止），并在标准错误输出原因。
</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Usage: mqttscope-cli import FILE --output RECORDING [--format auto|json|mosquitto]
Reads messages saved as text into a new recording file (docs/recording.md).

 FILE                 what to read; - for standard input
 -o, --output RECORDING   the recording to create (it must not exist)
 --format auto|json|mosquitto   how FILE is written (default auto: json when its
                      first line starts with &apos;{&apos;, else mosquitto):
   json               JSON lines, the format of sub&apos;s JSON output: time, QoS,
                      flags and MQTT 5 properties are kept
   mosquitto          &quot;topic payload&quot; lines, as mosquitto_sub prints them in its
                      verbose mode: no time, QoS or properties there, so each
                      message gets the import&apos;s time and QoS 0; &quot;(null)&quot; is an
                      empty payload; a payload with a line break reads as two
 --help               this text
A line that cannot be read is skipped and named on stderr by its number; the rest is imported.

Exit status: 0 when the recording was written (skipped lines are counted on stderr); 1 when it could not be (bad arguments, an existing or unwritable file, a full disk).
</source>
        <translation>用法：mqttscope-cli import 文件 --output 录制文件 [--format auto|json|mosquitto]
将以文本形式保存的消息读入新的录制文件（docs/recording.md）。

 FILE                 要读取的内容；- 表示标准输入
 -o, --output RECORDING   要创建的录制文件（必须尚不存在）
 --format auto|json|mosquitto   FILE 的格式（默认 auto：首行以“{”开头时
                      为 json，否则为 mosquitto）：
   json               JSON Lines，即 sub 的 JSON 输出格式：保留时间、QoS、
                      标志和 MQTT 5 属性
   mosquitto          &quot;topic payload&quot; 行，即 mosquitto_sub 在详细模式下的
                      输出：其中没有时间、QoS 或属性，因此每条消息
                      使用导入时的时间和 QoS 0；&quot;(null)&quot; 表示空负载；
                      含换行符的负载会被读成两条
 --help               显示此帮助
无法读取的行会被跳过，并在标准错误中按行号列出；其余内容照常导入。

退出状态：录制文件写入成功时为 0（跳过的行数在标准错误中给出）；无法写入时为 1（参数错误、文件已存在或不可写、磁盘已满）。
</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Usage: mqttscope-cli pub [OPTIONS] -t TOPIC {-m MESSAGE | -f FILE | -l | -n | -s}
Publishes and waits until every message is acknowledged (PUBACK/PUBCOMP).

Message:
 -t, --topic TOPIC    topic to publish to
 -m, --message TEXT   -f, --file FILE   -n, --null-message
 -l, --stdin-line     each line of stdin is a message; reconnects and carries on
 -s, --stdin-file     all of stdin is one message
 -r, --retain         --repeat N   --repeat-delay SECONDS

Encoding (the message is JSON, sent in a binary format):
 --encode FORMAT[:TYPE]
                      protobuf:package.Message or msgpack; JSON that does not parse
                      or fit the type is an error (exit status 1) and nothing is
                      sent; with -l, a line that fails is named and skipped
 --proto FILE         a .proto file giving the protobuf message types (repeatable)
 --proto-path DIR     where the .proto files&apos; imports are found (repeatable)

</source>
        <translation>用法：mqttscope-cli pub [选项] -t 主题 {-m 消息 | -f 文件 | -l | -n | -s}
发布消息并等待每条消息都得到确认（PUBACK/PUBCOMP）。

消息：
 -t, --topic TOPIC    要发布到的主题
 -m, --message TEXT   -f, --file FILE   -n, --null-message
 -l, --stdin-line     标准输入的每一行是一条消息；断线后重连并继续
 -s, --stdin-file     整个标准输入是一条消息
 -r, --retain         --repeat N   --repeat-delay SECONDS

编码（消息为 JSON，以二进制格式发送）：
 --encode FORMAT[:TYPE]
                      protobuf:package.Message 或 msgpack；JSON 无法解析
                      或与类型不符时报错（退出状态 1），不发送任何内容；
                      使用 -l 时，失败的行会被指出并跳过
 --proto FILE         提供 protobuf 消息类型的 .proto 文件（可重复）
 --proto-path DIR     查找 .proto 文件所导入文件的目录（可重复）

</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Usage: mqttscope-cli sub [OPTIONS] -t TOPIC...
Subscribes and prints each message; reconnects and carries on after a lost connection.

Subscription:
 -t, --topic FILTER   topic filter, repeatable
 -T, --filter-out F   do not print topics matching F, repeatable
 -U, --unsubscribe F  unsubscribe from F after subscribing, repeatable
 -C COUNT             exit after COUNT messages
 -W SECONDS           exit after SECONDS (exit status 27, &quot;Timed out&quot;)
 -E                   exit once subscribed
 -R                   do not print retained (stale) messages
 --retained-only      print retained messages only; exit at the first fresh one
 --remove-retained    clear each retained message received
 --retain-as-published  MQTT 5 subscription option

Output (to stdout):
 (default)            the payload
 -v, --verbose        &quot;topic payload&quot;, exactly as mosquitto_sub -v
 -F FORMAT            mosquitto_sub&apos;s format: %t topic, %p payload, %q QoS, %r retain,
                      %l length, %x/%X hex, %I ISO-8601 time, %U Unix time, %j/%J JSON,
                      %C %D %E %F %P %R %S %A MQTT 5 properties, @H strftime, \n escapes;
                      %d the payload decoded as JSON (see Decoding; else as it is)
 -N                   no newline after each message
 --json               one JSON object per line:
   {&quot;time&quot;:&quot;2024-05-01T12:00:00.123Z&quot;,&quot;topic&quot;:&quot;a/b&quot;,&quot;qos&quot;:1,&quot;retain&quot;:false,&quot;dup&quot;:false,
    &quot;properties&quot;:{&quot;content-type&quot;:&quot;text/plain&quot;,&quot;user-property&quot;:[[&quot;k&quot;,&quot;v&quot;]]},&quot;payload&quot;:&quot;text&quot;}
   time: receive time, UTC, milliseconds. properties: MQTT 5 properties named as for -D,
   {} for 3.1.1. payload: the payload when it is valid UTF-8, otherwise
   &quot;payload_base64&quot;:&quot;...&quot; in its place (likewise &quot;correlation-data-base64&quot;).

Decoding (with --json, a &quot;decoded&quot; field, or &quot;decodeError&quot;; with -F, %d):
 --decode FILTER=FORMAT[:TYPE]
                      read payloads on topics matching FILTER as FORMAT: sparkplug,
                      protobuf:package.Message, msgpack (json, text...: not decoded);
                      repeatable, the first match wins; spBv1.0/ topics are
                      Sparkplug B without one
 --proto FILE         a .proto file giving the protobuf message types (repeatable)
 --proto-path DIR     where the .proto files&apos; imports are found (repeatable)

Recording (besides the output):
 --record FILE        write every message received to FILE, an SQLite recording
                      (docs/recording.md); appends when FILE is one already
 --record-budget SIZE the file&apos;s size budget, e.g. 500M, 2G (default 2G)
 --record-when-full stop|drop-oldest
                      at the budget: stop (exit status 1) or delete the oldest
                      messages and go on (default stop)

</source>
        <translation>用法：mqttscope-cli sub [选项] -t 主题...
订阅并打印每条消息；连接断开后重连并继续。

订阅：
 -t, --topic FILTER   主题过滤器，可重复
 -T, --filter-out F   不打印与 F 匹配的主题，可重复
 -U, --unsubscribe F  订阅后取消订阅 F，可重复
 -C COUNT             收到 COUNT 条消息后退出
 -W SECONDS           SECONDS 秒后退出（退出状态 27，&quot;Timed out&quot;）
 -E                   订阅成功后立即退出
 -R                   不打印保留（过时）消息
 --retained-only      只打印保留消息；收到第一条新消息时退出
 --remove-retained    清除收到的每条保留消息
 --retain-as-published  MQTT 5 订阅选项

输出（到标准输出）：
 (default)            负载
 -v, --verbose        &quot;topic payload&quot;，与 mosquitto_sub -v 完全相同
 -F FORMAT            mosquitto_sub 的格式：%t 主题，%p 负载，%q QoS，%r 保留，
                      %l 长度，%x/%X 十六进制，%I ISO-8601 时间，%U Unix 时间，%j/%J JSON，
                      %C %D %E %F %P %R %S %A MQTT 5 属性，@H strftime，\n 转义；
                      %d 解码为 JSON 的负载（见“解码”；否则原样输出）
 -N                   每条消息后不换行
 --json               每行一个 JSON 对象：
   {&quot;time&quot;:&quot;2024-05-01T12:00:00.123Z&quot;,&quot;topic&quot;:&quot;a/b&quot;,&quot;qos&quot;:1,&quot;retain&quot;:false,&quot;dup&quot;:false,
    &quot;properties&quot;:{&quot;content-type&quot;:&quot;text/plain&quot;,&quot;user-property&quot;:[[&quot;k&quot;,&quot;v&quot;]]},&quot;payload&quot;:&quot;text&quot;}
   time：接收时间，UTC，精确到毫秒。properties：MQTT 5 属性，命名与 -D 相同，
   3.1.1 为 {}。payload：负载为有效 UTF-8 时即为负载本身，否则
   以 &quot;payload_base64&quot;:&quot;...&quot; 代替（&quot;correlation-data-base64&quot; 同理）。

解码（配合 --json，输出 &quot;decoded&quot; 字段或 &quot;decodeError&quot;；配合 -F，即 %d）：
 --decode FILTER=FORMAT[:TYPE]
                      将与 FILTER 匹配的主题上的负载按 FORMAT 读取：sparkplug、
                      protobuf:package.Message、msgpack（json、text...：不解码）；
                      可重复，第一个匹配的生效；spBv1.0/ 主题无需指定
                      即按 Sparkplug B 解码
 --proto FILE         提供 protobuf 消息类型的 .proto 文件（可重复）
 --proto-path DIR     查找 .proto 文件所导入文件的目录（可重复）

录制（在输出之外）：
 --record FILE        将收到的每条消息写入 FILE，即 SQLite 录制文件
                      （docs/recording.md）；FILE 已是录制文件时追加
 --record-budget SIZE 文件的大小上限，例如 500M、2G（默认 2G）
 --record-when-full stop|drop-oldest
                      达到大小上限时：停止（退出状态 1）或删除最旧的
                      消息并继续（默认 stop）

</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>
Exit status: 0 when every message was acknowledged; the CONNACK reason code when the broker refused; 1 otherwise, with one line on stderr.
</source>
        <translation>
退出状态：所有消息都得到确认时为 0；代理拒绝连接时为 CONNACK 原因码；否则为 1，并在标准错误输出一行说明。
</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>
Exit status: 0 on success; the CONNACK reason code when the broker refused; 27 on -W timeout; 1 otherwise, with one line on stderr.
</source>
        <translation>
退出状态：成功时为 0；代理拒绝连接时为 CONNACK 原因码；-W 超时时为 27；否则为 1，并在标准错误输出一行说明。
</translation>
    </message>
</context>
<context>
    <name>mqttscope::cli::PublishCommand</name>
    <message>
        <location filename="../app/cli/publishcommand.cpp" line="+41"/>
        <location line="+18"/>
        <source>Error: --encode %1: %2</source>
        <translation>错误：--encode %1：%2</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Error: Unable to open file &quot;%1&quot;: %2</source>
        <translation>错误：无法打开文件“%1”：%2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Error: Unable to read stdin: %1</source>
        <translation>错误：无法读取标准输入：%1</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Error: --encode %1: line %2 not sent: %3</source>
        <translation>错误：--encode %1：第 %2 行未发送：%3</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Warning: Publish failed: %1 (0x%2)%3</source>
        <translation>警告：发布失败：%1（0x%2）%3</translation>
    </message>
</context>
<context>
    <name>mqttscope::cli::ReplayCommand</name>
    <message>
        <location filename="../app/cli/replaycommand.cpp" line="+44"/>
        <source>Error: Cannot replay &quot;%1&quot;: %2</source>
        <translation>错误：无法回放“%1”：%2</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 of %2 sent, %3 acknowledged, %4 failed</source>
        <translation>已发送 %1/%2 条，已确认 %3 条，失败 %4 条</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>, %1 left</source>
        <translation>，剩余 %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Replayed %1 messages in %2 s: %3 acknowledged, %4 failed</source>
        <translation>在 %2 秒内回放了 %1 条消息：已确认 %3 条，失败 %4 条</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>, %1 unconfirmed</source>
        <translation>，%1 条未确认</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>, %1 published by the recording connection not replayed</source>
        <translation>，录制连接发布的 %1 条消息未回放</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not acknowledged: message %1 on &quot;%2&quot;: %3
</source>
        <translation>未确认：“%2”上的消息 %1：%3
</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>... and %1 more not acknowledged.
</source>
        <translation>... 另有 %1 条未确认。
</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Error: %1</source>
        <translation>错误：%1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Error: the replay was stopped</source>
        <translation>错误：回放已被停止</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Error: %1 of %2 messages were not acknowledged</source>
        <translation>错误：%2 条消息中有 %1 条未得到确认</translation>
    </message>
</context>
<context>
    <name>mqttscope::cli::SubscribeCommand</name>
    <message>
        <location filename="../app/cli/subscribecommand.cpp" line="+38"/>
        <source>Timed out</source>
        <translation>超时</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>--decode %1: message type %2 is not in the --proto files</source>
        <translation>--decode %1：消息类型 %2 不在 --proto 文件中</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Recording to %1 stopped: %2</source>
        <translation>录制到 %1 已停止：%2</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>All subscription requests were denied.</source>
        <translation>所有订阅请求均被拒绝。</translation>
    </message>
</context>
<context>
    <name>mqttscope::transporterrors</name>
    <message>
        <location filename="../core/transport/transporterrors.cpp" line="+45"/>
        <location line="+45"/>
        <source>Connection refused by %1</source>
        <translation>连接被 %1 拒绝</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Host not found: %1</source>
        <translation>找不到主机：%1</translation>
    </message>
    <message>
        <location line="-43"/>
        <location line="+45"/>
        <source>Connection closed by %1</source>
        <translation>连接被 %1 关闭</translation>
    </message>
    <message>
        <location line="-61"/>
        <source>SOCKS5 proxy %1</source>
        <translation>SOCKS5 代理 %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>HTTP proxy %1</source>
        <translation>HTTP 代理 %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Proxy host not found: %1</source>
        <translation>找不到代理服务器主机：%1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Timed out talking to %1</source>
        <translation>与 %1 通信超时</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 requires a user name and password</source>
        <translation>%1 要求提供用户名和密码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 rejected the user name or password (authentication failed)</source>
        <translation>%1 拒绝了用户名或密码（认证失败）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 failed: %2</source>
        <translation>%1 失败：%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+15"/>
        <source>%1 could not reach %2: %3</source>
        <translation>%1 无法访问 %2：%3</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>%1 requires a user name and password (%2)</source>
        <translation>%1 要求提供用户名和密码（%2）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 rejected the user name or password (%2)</source>
        <translation>%1 拒绝了用户名或密码（%2）</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Network error reaching %1: %2</source>
        <translation>访问 %1 时出现网络错误：%2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 requires a client certificate (TLS alert: certificate required)</source>
        <translation>%1 要求客户端证书（TLS 警报：需要证书）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TLS error with %1: %2</source>
        <translation>与 %1 的 TLS 错误：%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Proxy error reaching %1: %2</source>
        <translation>访问 %1 时出现代理错误：%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connection to %1 failed: %2</source>
        <translation>连接到 %1 失败：%2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Timed out connecting to %1 after %2</source>
        <translation>连接到 %1 超时（%2 后）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>TLS certificate verification failed: %1</source>
        <translation>TLS 证书验证失败：%1</translation>
    </message>
</context>
</TS>
