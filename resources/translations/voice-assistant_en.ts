<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>AppShell</name>
    <message>
        <source>Send your key unencrypted?</source>
        <translation>Send your key unencrypted?</translation>
    </message>
    <message>
        <source>{host} is reached over ws:// or http://: your key and everything you say would cross the network in clear text, readable by anyone on the way. Send them anyway, now and from now on, to {host}?</source>
        <translation>{host} is reached over ws:// or http://: your key and everything you say would cross the network in clear text, readable by anyone on the way. Send them anyway, now and from now on, to {host}?</translation>
    </message>
    <message>
        <source>An unexpected error happened: {why}</source>
        <translation>An unexpected error happened: {why}</translation>
    </message>
</context>
<context>
    <name>AudioSupervisor</name>
    <message>
        <source>The preview needs a speaker: connect first.</source>
        <translation>The preview needs a speaker: connect first.</translation>
    </message>
    <message>
        <source>Audio reopened on {devices}.</source>
        <translation>Audio reopened on {devices}.</translation>
    </message>
    <message>
        <source>Audio is off: choose devices in Settings (Ctrl+,).</source>
        <translation>Audio is off: choose devices in Settings (Ctrl+,).</translation>
    </message>
    <message>
        <source> and </source>
        <translation> and </translation>
    </message>
    <message>
        <source>no device</source>
        <translation>no device</translation>
    </message>
</context>
<context>
    <name>Autostart</name>
    <message>
        <source>Could not add the login entry {path}: {why}</source>
        <translation>Could not add the login entry {path}: {why}</translation>
    </message>
    <message>
        <source>Could not remove the login entry {path}: {why}</source>
        <translation>Could not remove the login entry {path}: {why}</translation>
    </message>
</context>
<context>
    <name>CaptureSign</name>
    <message>
        <source>Shown when the screen is captured</source>
        <translation>Shown when the screen is captured</translation>
    </message>
    <message>
        <source>Capture sign</source>
        <translation>Capture sign</translation>
    </message>
</context>
<context>
    <name>Cleartext</name>
    <message>
        <source>Not encrypted: {host} receives your key and what you say in clear text, readable on every network in between.</source>
        <translation>Not encrypted: {host} receives your key and what you say in clear text, readable on every network in between.</translation>
    </message>
</context>
<context>
    <name>ConnectionPage</name>
    <message>
        <source>Transport</source>
        <translation>Transport</translation>
    </message>
    <message>
        <source>WebSocket</source>
        <translation>WebSocket</translation>
    </message>
    <message>
        <source>Conversations travel over</source>
        <translation>Conversations travel over</translation>
    </message>
    <message>
        <source>WebRTC (Opus audio over UDP)</source>
        <translation>WebRTC (Opus audio over UDP)</translation>
    </message>
    <message>
        <source>WebRTC sends audio as Opus over UDP: a lost packet costs 20 ms, not a stall; dictation and translation always use the WebSocket</source>
        <translation>WebRTC sends audio as Opus over UDP: a lost packet costs 20 ms, not a stall; dictation and translation always use the WebSocket</translation>
    </message>
    <message>
        <source>Token server</source>
        <translation>Token server</translation>
    </message>
    <message>
        <source>empty: use the API key stored for the endpoint</source>
        <translation>empty: use the API key stored for the endpoint</translation>
    </message>
    <message>
        <source>kept in the system keyring; empty keeps the one stored</source>
        <translation>kept in the system keyring; empty keeps the one stored</translation>
    </message>
    <message>
        <source>Token server URL</source>
        <translation>Token server URL</translation>
    </message>
    <message>
        <source>Your organisation&apos;s server that hands out short-lived keys</source>
        <translation>Your organisation&apos;s server that hands out short-lived keys</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>The header the token server checks, e.g. Authorization</source>
        <translation>The header the token server checks, e.g. Authorization</translation>
    </message>
    <message>
        <source>Header value</source>
        <translation>Header value</translation>
    </message>
    <message>
        <source>Your organisation&apos;s token for that header</source>
        <translation>Your organisation&apos;s token for that header</translation>
    </message>
    <message>
        <source>With a token server, the app asks it for a client secret before every connection and never reads a stored API key.</source>
        <translation>With a token server, the app asks it for a client secret before every connection and never reads a stored API key.</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>org-...; empty: the key&apos;s default</source>
        <translation>org-...; empty: the key&apos;s default</translation>
    </message>
    <message>
        <source>proj_...; empty: the key&apos;s default</source>
        <translation>proj_...; empty: the key&apos;s default</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organization</translation>
    </message>
    <message>
        <source>Sent as OpenAI-Organization: which organisation the usage is billed to, for a key in several</source>
        <translation>Sent as OpenAI-Organization: which organisation the usage is billed to, for a key in several</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>Sent as OpenAI-Project: which project the usage counts against</source>
        <translation>Sent as OpenAI-Project: which project the usage counts against</translation>
    </message>
</context>
<context>
    <name>ConsentBar</name>
    <message>
        <source>Permission request</source>
        <translation>Permission request</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Show all</translation>
    </message>
    <message>
        <source>Show the arguments whole</source>
        <translation>Show the arguments whole</translation>
    </message>
    <message>
        <source>Always allow this tool</source>
        <translation>Always allow this tool</translation>
    </message>
    <message>
        <source>&amp;Allow</source>
        <translation>&amp;Allow</translation>
    </message>
    <message>
        <source>&amp;Deny</source>
        <translation>&amp;Deny</translation>
    </message>
    <message>
        <source>Do not ask again for this tool</source>
        <translation>Do not ask again for this tool</translation>
    </message>
    <message>
        <source>Let the tool run (Alt+A)</source>
        <translation>Let the tool run (Alt+A)</translation>
    </message>
    <message>
        <source>Refuse; the model is told (Alt+D)</source>
        <translation>Refuse; the model is told (Alt+D)</translation>
    </message>
    <message>
        <source>The assistant wants to use &lt;b&gt;{tool}&lt;/b&gt; on the MCP server &lt;b&gt;{server}&lt;/b&gt;.</source>
        <translation>The assistant wants to use &lt;b&gt;{tool}&lt;/b&gt; on the MCP server &lt;b&gt;{server}&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>The assistant wants to use &lt;b&gt;{tool}&lt;/b&gt;.</source>
        <translation>The assistant wants to use &lt;b&gt;{tool}&lt;/b&gt;.</translation>
    </message>
    <message numerus="yes">
        <source>(%n more waiting)</source>
        <translation>
            <numerusform>(%n more waiting)</numerusform>
            <numerusform>(%n more waiting)</numerusform>
        </translation>
    </message>
    <message>
        <source>Always allow {tool}</source>
        <translation>Always allow {tool}</translation>
    </message>
    <message>
        <source>{tool} wants permission. Alt+A allows, Alt+D denies.</source>
        <translation>{tool} wants permission. Alt+A allows, Alt+D denies.</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <source>Connecting...</source>
        <translation>Connecting...</translation>
    </message>
    <message>
        <source>Not connected: wait for the connection to talk.</source>
        <translation>Not connected: wait for the connection to talk.</translation>
    </message>
    <message>
        <source>recording: release to send</source>
        <translation>recording: release to send</translation>
    </message>
    <message>
        <source>Hold the button (or Space) while you talk; a tap is ignored.</source>
        <translation>Hold the button (or Space) while you talk; a tap is ignored.</translation>
    </message>
    <message>
        <source>Not connected: connect first to send a message.</source>
        <translation>Not connected: connect first to send a message.</translation>
    </message>
    <message>
        <source>The new settings apply when you reconnect (Ctrl+K twice).</source>
        <translation>The new settings apply when you reconnect (Ctrl+K twice).</translation>
    </message>
</context>
<context>
    <name>ConversationPane</name>
    <message>
        <source>Type a message and press Enter</source>
        <translation>Type a message and press Enter</translation>
    </message>
    <message>
        <source>A message to send as text; Enter sends it</source>
        <translation>A message to send as text; Enter sends it</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>Send the typed message</source>
        <translation>Send the typed message</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
    <message>
        <source>{label}: the {length} timer is done.</source>
        <translation>{label}: the {length} timer is done.</translation>
    </message>
    <message>
        <source>Use {model}</source>
        <translation>Use {model}</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>Voice Assistant {version} is available. {how}.</source>
        <translation>Voice Assistant {version} is available. {how}.</translation>
    </message>
    <message>
        <source>What is new</source>
        <translation>What is new</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
</context>
<context>
    <name>Counted</name>
    <message numerus="yes">
        <source>Reconnected after %n drop(s); the conversation carries on.</source>
        <translation>
            <numerusform>Reconnected after %n drop; the conversation carries on.</numerusform>
            <numerusform>Reconnected after %n drops; the conversation carries on.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %n oldest items of this long conversation did not fit the new session&apos;s token budget; the model has the rest.</source>
        <translation>
            <numerusform>The oldest item of this long conversation did not fit the new session&apos;s token budget; the model has the rest.</numerusform>
            <numerusform>The %n oldest items of this long conversation did not fit the new session&apos;s token budget; the model has the rest.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>conversation {input} in / {output} out over %n turn(s), {cost}</source>
        <translation>
            <numerusform>conversation {input} in / {output} out over %n turn, {cost}</numerusform>
            <numerusform>conversation {input} in / {output} out over %n turns, {cost}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{model} is retired on {day}, in %n day(s); {replacement} replaces it.</source>
        <translation>
            <numerusform>{model} is retired on {day}, in %n day; {replacement} replaces it.</numerusform>
            <numerusform>{model} is retired on {day}, in %n days; {replacement} replaces it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DesktopPage</name>
    <message>
        <source>Automatic</source>
        <translation>Automatic</translation>
    </message>
    <message>
        <source>Low (fewer tokens, 512 px)</source>
        <translation>Low (fewer tokens, 512 px)</translation>
    </message>
    <message>
        <source>High (small text readable)</source>
        <translation>High (small text readable)</translation>
    </message>
    <message>
        <source>Keep shown pictures in the history</source>
        <translation>Keep shown pictures in the history</translation>
    </message>
    <message>
        <source>Saved beside the history, readable by you alone; off: only a line says one was shown</source>
        <translation>Saved beside the history, readable by you alone; off: only a line says one was shown</translation>
    </message>
    <message>
        <source>Hold to talk, release to send</source>
        <translation>Hold to talk, release to send</translation>
    </message>
    <message>
        <source>Press to start, press again to send</source>
        <translation>Press to start, press again to send</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Off</translation>
    </message>
    <message>
        <source>Closing the window keeps the assistant in the tray</source>
        <translation>Closing the window keeps the assistant in the tray</translation>
    </message>
    <message>
        <source>Quit from the tray&apos;s menu or with Ctrl+Q</source>
        <translation>Quit from the tray&apos;s menu or with Ctrl+Q</translation>
    </message>
    <message>
        <source>This desktop shows no tray icons.</source>
        <translation>This desktop shows no tray icons.</translation>
    </message>
    <message>
        <source>Check for updates once a day</source>
        <translation>Check for updates once a day</translation>
    </message>
    <message>
        <source>Asks the release feed for the newest version (it learns this version and the OS, nothing else)</source>
        <translation>Asks the release feed for the newest version (it learns this version and the OS, nothing else)</translation>
    </message>
    <message>
        <source>Start when I log in</source>
        <translation>Start when I log in</translation>
    </message>
    <message>
        <source>Adds the assistant to your desktop&apos;s autostart</source>
        <translation>Adds the assistant to your desktop&apos;s autostart</translation>
    </message>
    <message>
        <source>The system&apos;s language</source>
        <translation>The system&apos;s language</translation>
    </message>
    <message>
        <source>Global shortcut</source>
        <translation>Global shortcut</translation>
    </message>
    <message>
        <source>Press the keys to use from every application</source>
        <translation>Press the keys to use from every application</translation>
    </message>
    <message>
        <source>It works by</source>
        <translation>It works by</translation>
    </message>
    <message>
        <source>Hold it while you talk, or press once to start and again to send</source>
        <translation>Hold it while you talk, or press once to start and again to send</translation>
    </message>
    <message>
        <source>Show screen</source>
        <translation>Show screen</translation>
    </message>
    <message>
        <source>The keys that show the assistant your screen from every application; clear it to turn it off</source>
        <translation>The keys that show the assistant your screen from every application; clear it to turn it off</translation>
    </message>
    <message>
        <source>Picture detail</source>
        <translation>Picture detail</translation>
    </message>
    <message>
        <source>How closely the model looks at a picture (high costs more tokens)</source>
        <translation>How closely the model looks at a picture (high costs more tokens)</translation>
    </message>
    <message>
        <source>Pictures</source>
        <translation>Pictures</translation>
    </message>
    <message>
        <source>Tray</source>
        <translation>Tray</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Login</translation>
    </message>
    <message>
        <source>Updates</source>
        <translation>Updates</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>The window&apos;s language; it takes effect at the next start</source>
        <translation>The window&apos;s language; it takes effect at the next start</translation>
    </message>
</context>
<context>
    <name>DictationView</name>
    <message>
        <source>Dictation: what you say is written here, segment by segment, with when you said it.</source>
        <translation>Dictation: what you say is written here, segment by segment, with when you said it.</translation>
    </message>
    <message>
        <source>What you dictated, with when you said each part</source>
        <translation>What you dictated, with when you said each part</translation>
    </message>
    <message>
        <source>Dictated text</source>
        <translation>Dictated text</translation>
    </message>
    <message>
        <source>Copy all</source>
        <translation>Copy all</translation>
    </message>
    <message>
        <source>Copy the whole dictation (Ctrl+Shift+C)</source>
        <translation>Copy the whole dictation (Ctrl+Shift+C)</translation>
    </message>
    <message>
        <source>Save...</source>
        <translation>Save...</translation>
    </message>
    <message>
        <source>Save as text, or as SRT subtitles (Ctrl+S)</source>
        <translation>Save as text, or as SRT subtitles (Ctrl+S)</translation>
    </message>
    <message numerus="yes">
        <source>%n segment(s)</source>
        <translation>
            <numerusform>%n segment</numerusform>
            <numerusform>%n segments</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n word</numerusform>
            <numerusform>%n words</numerusform>
        </translation>
    </message>
    <message>
        <source>kept in {path}</source>
        <translation>kept in {path}</translation>
    </message>
    <message>
        <source>Save the dictation</source>
        <translation>Save the dictation</translation>
    </message>
    <message>
        <source>Text (*.txt);;Subtitles (*.srt)</source>
        <translation>Text (*.txt);;Subtitles (*.srt)</translation>
    </message>
</context>
<context>
    <name>Echo</name>
    <message>
        <source>off</source>
        <translation>off</translation>
    </message>
    <message>
        <source>off (Settings)</source>
        <translation>off (Settings)</translation>
    </message>
    <message>
        <source>off (it needs a microphone and a speaker)</source>
        <translation>off (it needs a microphone and a speaker)</translation>
    </message>
    <message>
        <source>off: &apos;{detail}&apos; looks like headphones (no echo)</source>
        <translation>off: &apos;{detail}&apos; looks like headphones (no echo)</translation>
    </message>
    <message>
        <source>unavailable ({detail}); the echo guard works alone</source>
        <translation>unavailable ({detail}); the echo guard works alone</translation>
    </message>
    <message>
        <source>stopped ({detail}); the echo guard works alone</source>
        <translation>stopped ({detail}); the echo guard works alone</translation>
    </message>
    <message>
        <source>on</source>
        <translation>on</translation>
    </message>
    <message>
        <source>on, with noise suppression</source>
        <translation>on, with noise suppression</translation>
    </message>
    <message>
        <source>Echo cancellation: {status}</source>
        <translation>Echo cancellation: {status}</translation>
    </message>
    <message>
        <source>; resting: no echo comes back in this room (it starts again if one does)</source>
        <translation>; resting: no echo comes back in this room (it starts again if one does)</translation>
    </message>
    <message>
        <source>; echo removed {db} dB</source>
        <translation>; echo removed {db} dB</translation>
    </message>
    <message>
        <source>; echo removed {db} dB, but some of this room&apos;s echo gets through it, so the echo guard decides on the plain microphone</source>
        <translation>; echo removed {db} dB, but some of this room&apos;s echo gets through it, so the echo guard decides on the plain microphone</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Something went wrong</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <source>The details are also in the log: {path}</source>
        <translation>The details are also in the log: {path}</translation>
    </message>
    <message>
        <source>Show details</source>
        <translation>Show details</translation>
    </message>
    <message>
        <source>Hide details</source>
        <translation>Hide details</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Copy details</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>The technical details of the error</source>
        <translation>The technical details of the error</translation>
    </message>
    <message>
        <source>Copy them, to report the problem</source>
        <translation>Copy them, to report the problem</translation>
    </message>
    <message>
        <source>Close this message</source>
        <translation>Close this message</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>No system keyring is available on this machine, so the key cannot be saved. Use it for this run only, or set {variable} in the environment.</source>
        <translation>No system keyring is available on this machine, so the key cannot be saved. Use it for this run only, or set {variable} in the environment.</translation>
    </message>
    <message>
        <source>The keyring did not answer within {seconds} s.</source>
        <translation>The keyring did not answer within {seconds} s.</translation>
    </message>
    <message>
        <source>The keyring could not be asked: {why}</source>
        <translation>The keyring could not be asked: {why}</translation>
    </message>
    <message>
        <source>The keyring could not be asked: its process gave no answer.</source>
        <translation>The keyring could not be asked: its process gave no answer.</translation>
    </message>
    <message>
        <source>The keyring refused to store the key: {why}</source>
        <translation>The keyring refused to store the key: {why}</translation>
    </message>
    <message>
        <source>The keyring refused to remove the key: {why}</source>
        <translation>The keyring refused to remove the key: {why}</translation>
    </message>
    <message>
        <source>No microphone found.</source>
        <translation>No microphone found.</translation>
    </message>
    <message>
        <source>No speaker or headphones found.</source>
        <translation>No speaker or headphones found.</translation>
    </message>
    <message>
        <source>The microphone &apos;{device}&apos; was not found.</source>
        <translation>The microphone &apos;{device}&apos; was not found.</translation>
    </message>
    <message>
        <source>The speaker or headphones &apos;{device}&apos; were not found.</source>
        <translation>The speaker or headphones &apos;{device}&apos; were not found.</translation>
    </message>
    <message>
        <source>&apos;{device}&apos; supports none of the usual sample rates.</source>
        <translation>&apos;{device}&apos; supports none of the usual sample rates.</translation>
    </message>
    <message>
        <source>The audio system could not start ({why}).</source>
        <translation>The audio system could not start ({why}).</translation>
    </message>
    <message>
        <source>{problem} You can still type messages.</source>
        <translation>{problem} You can still type messages.</translation>
    </message>
    <message>
        <source>{problem} Replies will be shown as text only.</source>
        <translation>{problem} Replies will be shown as text only.</translation>
    </message>
    <message>
        <source>The microphone could not start ({why}). You can still type messages.</source>
        <translation>The microphone could not start ({why}). You can still type messages.</translation>
    </message>
    <message>
        <source>The speaker could not start ({why}). Replies will be shown as text only.</source>
        <translation>The speaker could not start ({why}). Replies will be shown as text only.</translation>
    </message>
    <message>
        <source>Cannot open the microphone &apos;{device}&apos;: {why}.</source>
        <translation>Cannot open the microphone &apos;{device}&apos;: {why}.</translation>
    </message>
    <message>
        <source>Cannot open the speaker &apos;{device}&apos;: {why}.</source>
        <translation>Cannot open the speaker &apos;{device}&apos;: {why}.</translation>
    </message>
    <message>
        <source>No API key is set. Add one in Settings, or try the offline demo.</source>
        <translation>No API key is set. Add one in Settings, or try the offline demo.</translation>
    </message>
    <message>
        <source>The server at {endpoint} rejected the API key (HTTP {status}).</source>
        <translation>The server at {endpoint} rejected the API key (HTTP {status}).</translation>
    </message>
    <message>
        <source>The server at {endpoint} refused the client secret from the token server (HTTP {status}); it may have expired.</source>
        <translation>The server at {endpoint} refused the client secret from the token server (HTTP {status}); it may have expired.</translation>
    </message>
    <message>
        <source>The token server at {endpoint} refused this app (HTTP {status}). Check the header your organisation gave you in the settings.</source>
        <translation>The token server at {endpoint} refused this app (HTTP {status}). Check the header your organisation gave you in the settings.</translation>
    </message>
    <message>
        <source>The token server at {endpoint} could not hand out a client secret (HTTP {status}).</source>
        <translation>The token server at {endpoint} could not hand out a client secret (HTTP {status}).</translation>
    </message>
    <message>
        <source>The token server at {endpoint} handed out a client secret that had already expired; check both machines&apos; clocks.</source>
        <translation>The token server at {endpoint} handed out a client secret that had already expired; check both machines&apos; clocks.</translation>
    </message>
    <message>
        <source>The token server at {endpoint} answered without a client secret.</source>
        <translation>The token server at {endpoint} answered without a client secret.</translation>
    </message>
    <message>
        <source>Cannot reach {endpoint}: {reason}.</source>
        <translation>Cannot reach {endpoint}: {reason}.</translation>
    </message>
    <message>
        <source>The server at {endpoint} refused the connection (HTTP {status}).</source>
        <translation>The server at {endpoint} refused the connection (HTTP {status}).</translation>
    </message>
    <message>
        <source>{endpoint} no longer speaks the beta Realtime protocol; switch the dialect to GA in Settings.</source>
        <translation>{endpoint} no longer speaks the beta Realtime protocol; switch the dialect to GA in Settings.</translation>
    </message>
    <message>
        <source>{endpoint} does not serve this model: {message}</source>
        <translation>{endpoint} does not serve this model: {message}</translation>
    </message>
    <message>
        <source>{endpoint} refused the account: {message}. Check the key and billing, then connect again.</source>
        <translation>{endpoint} refused the account: {message}. Check the key and billing, then connect again.</translation>
    </message>
    <message>
        <source>{where} sent more than any real session does (a message too large, or messages faster than they can be read); the connection was closed.</source>
        <translation>{where} sent more than any real session does (a message too large, or messages faster than they can be read); the connection was closed.</translation>
    </message>
    <message>
        <source>{where} ended the session at its time limit.</source>
        <translation>{where} ended the session at its time limit.</translation>
    </message>
    <message>
        <source>The connection to {where} was lost (code {close_code}: {why}).</source>
        <translation>The connection to {where} was lost (code {close_code}: {why}).</translation>
    </message>
    <message>
        <source>The connection to {where} was lost (code {close_code}).</source>
        <translation>The connection to {where} was lost (code {close_code}).</translation>
    </message>
    <message>
        <source>The connection to {where} was lost.</source>
        <translation>The connection to {where} was lost.</translation>
    </message>
    <message>
        <source>Not connected: {host} is not encrypted (ws:// or http://), and your key is not sent in clear text without your yes. Use wss:// or https://, or connect again and allow it for this host.</source>
        <translation>Not connected: {host} is not encrypted (ws:// or http://), and your key is not sent in clear text without your yes. Use wss:// or https://, or connect again and allow it for this host.</translation>
    </message>
    <message>
        <source>Stopped reconnecting: {tries} tries in the last hour failed or were dropped at once. Press Connect to try again.</source>
        <translation>Stopped reconnecting: {tries} tries in the last hour failed or were dropped at once. Press Connect to try again.</translation>
    </message>
    <message>
        <source>&apos;{url}&apos; is not a ws://, wss:// or https:// URL.</source>
        <translation>&apos;{url}&apos; is not a ws://, wss:// or https:// URL.</translation>
    </message>
    <message>
        <source>{where} did not start a session in time.</source>
        <translation>{where} did not start a session in time.</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Not connected.</translation>
    </message>
    <message>
        <source>The connection failed unexpectedly; see the log.</source>
        <translation>The connection failed unexpectedly; see the log.</translation>
    </message>
    <message>
        <source>The session was closed.</source>
        <translation>The session was closed.</translation>
    </message>
    <message>
        <source>&apos;{url}&apos; is not a valid WebSocket URL.</source>
        <translation>&apos;{url}&apos; is not a valid WebSocket URL.</translation>
    </message>
    <message>
        <source>&apos;{url}&apos; is not an http:// or https:// URL.</source>
        <translation>&apos;{url}&apos; is not an http:// or https:// URL.</translation>
    </message>
    <message>
        <source>no answer in time</source>
        <translation>no answer in time</translation>
    </message>
    <message>
        <source>the connection was refused</source>
        <translation>the connection was refused</translation>
    </message>
    <message>
        <source>the host name could not be resolved</source>
        <translation>the host name could not be resolved</translation>
    </message>
    <message>
        <source>The history file {path} is from a newer version of the app; it was left as it is, and this run&apos;s conversation is not saved.</source>
        <translation>The history file {path} is from a newer version of the app; it was left as it is, and this run&apos;s conversation is not saved.</translation>
    </message>
    <message>
        <source>The history is in use by another copy of the app; this run&apos;s conversation is not saved.</source>
        <translation>The history is in use by another copy of the app; this run&apos;s conversation is not saved.</translation>
    </message>
    <message>
        <source>The history at {path} cannot be used now ({why}); it was left as it is, and this run&apos;s conversation is not saved.</source>
        <translation>The history at {path} cannot be used now ({why}); it was left as it is, and this run&apos;s conversation is not saved.</translation>
    </message>
    <message>
        <source>The history at {path} cannot be used ({why}); this run&apos;s conversation is not saved.</source>
        <translation>The history at {path} cannot be used ({why}); this run&apos;s conversation is not saved.</translation>
    </message>
    <message>
        <source>The history file was damaged; it was moved to {name} and a new one started.</source>
        <translation>The history file was damaged; it was moved to {name} and a new one started.</translation>
    </message>
    <message>
        <source>The history file is damaged; it will be set aside and a new one started the next time the app starts.</source>
        <translation>The history file is damaged; it will be set aside and a new one started the next time the app starts.</translation>
    </message>
    <message>
        <source>the call was not connected in time</source>
        <translation>the call was not connected in time</translation>
    </message>
    <message>
        <source>the server&apos;s SDP answer could not be used</source>
        <translation>the server&apos;s SDP answer could not be used</translation>
    </message>
</context>
<context>
    <name>EventInspector</name>
    <message>
        <source>Echo cancellation</source>
        <translation>Echo cancellation</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Every event sent (↑) and received (↓), newest last</source>
        <translation>Every event sent (↑) and received (↓), newest last</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>Select an event to see its JSON.</source>
        <translation>Select an event to see its JSON.</translation>
    </message>
    <message>
        <source>The selected event&apos;s JSON</source>
        <translation>The selected event&apos;s JSON</translation>
    </message>
    <message>
        <source>Event details</source>
        <translation>Event details</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>Forget the events shown so far</source>
        <translation>Forget the events shown so far</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <source>cost unknown</source>
        <translation>cost unknown</translation>
    </message>
</context>
<context>
    <name>GeneralPage</name>
    <message>
        <source>Endpoint</source>
        <translation>Endpoint</translation>
    </message>
    <message>
        <source>Change key...</source>
        <translation>Change key...</translation>
    </message>
    <message>
        <source>Remove key</source>
        <translation>Remove key</translation>
    </message>
    <message>
        <source>Enter another API key for this endpoint</source>
        <translation>Enter another API key for this endpoint</translation>
    </message>
    <message>
        <source>Delete this endpoint&apos;s key from the system keyring</source>
        <translation>Delete this endpoint&apos;s key from the system keyring</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>Base URL</translation>
    </message>
    <message>
        <source>Where the Realtime API is: OpenAI, Azure or a compatible server</source>
        <translation>Where the Realtime API is: OpenAI, Azure or a compatible server</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Authentication</translation>
    </message>
    <message>
        <source>How the key is sent: OpenAI uses Bearer, Azure an api-key header</source>
        <translation>How the key is sent: OpenAI uses Bearer, Azure an api-key header</translation>
    </message>
    <message>
        <source>Dialect</source>
        <translation>Dialect</translation>
    </message>
    <message>
        <source>GA for today&apos;s API; Beta for endpoints that still speak it</source>
        <translation>GA for today&apos;s API; Beta for endpoints that still speak it</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <source>The realtime model (on Azure: the deployment&apos;s name)</source>
        <translation>The realtime model (on Azure: the deployment&apos;s name)</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API key</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Conversation</translation>
    </message>
    <message>
        <source>Several tools at once</source>
        <translation>Several tools at once</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>Instructions</translation>
    </message>
    <message>
        <source>What the model is told about how to behave</source>
        <translation>What the model is told about how to behave</translation>
    </message>
    <message>
        <source>Reasoning effort</source>
        <translation>Reasoning effort</translation>
    </message>
    <message>
        <source>How much a reasoning model (gpt-realtime-2 and later) thinks before it answers; auto leaves it to the model. Other models are not told.</source>
        <translation>How much a reasoning model (gpt-realtime-2 and later) thinks before it answers; auto leaves it to the model. Other models are not told.</translation>
    </message>
    <message>
        <source>Tool calls</source>
        <translation>Tool calls</translation>
    </message>
    <message>
        <source>A reasoning model may call several tools at once</source>
        <translation>A reasoning model may call several tools at once</translation>
    </message>
    <message>
        <source>Turn detection</source>
        <translation>Turn detection</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Mode</translation>
    </message>
    <message>
        <source>Push-to-talk, or let the server hear when you stop</source>
        <translation>Push-to-talk, or let the server hear when you stop</translation>
    </message>
    <message>
        <source>Threshold (server VAD)</source>
        <translation>Threshold (server VAD)</translation>
    </message>
    <message>
        <source>How loud speech must be; higher ignores more noise</source>
        <translation>How loud speech must be; higher ignores more noise</translation>
    </message>
    <message>
        <source>Silence before a reply</source>
        <translation>Silence before a reply</translation>
    </message>
    <message>
        <source>How long a pause ends your turn</source>
        <translation>How long a pause ends your turn</translation>
    </message>
    <message>
        <source>Audio kept before speech</source>
        <translation>Audio kept before speech</translation>
    </message>
    <message>
        <source>Sound from just before you spoke, so the first word is whole</source>
        <translation>Sound from just before you spoke, so the first word is whole</translation>
    </message>
    <message>
        <source>Eagerness (semantic VAD)</source>
        <translation>Eagerness (semantic VAD)</translation>
    </message>
    <message>
        <source>How soon the model answers: low waits longer</source>
        <translation>How soon the model answers: low waits longer</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <source>Re-scan devices</source>
        <translation>Re-scan devices</translation>
    </message>
    <message>
        <source>Look again for microphones and speakers</source>
        <translation>Look again for microphones and speakers</translation>
    </message>
    <message>
        <source>Also remove steady noise (fans, hum) on this computer</source>
        <translation>Also remove steady noise (fans, hum) on this computer</translation>
    </message>
    <message>
        <source>WebRTC&apos;s noise suppression, before the audio is sent</source>
        <translation>WebRTC&apos;s noise suppression, before the audio is sent</translation>
    </message>
    <message>
        <source>Echo guard: don&apos;t let the assistant hear itself on speakers</source>
        <translation>Echo guard: don&apos;t let the assistant hear itself on speakers</translation>
    </message>
    <message>
        <source>Ignore the microphone while it only hears the assistant&apos;s own voice</source>
        <translation>Ignore the microphone while it only hears the assistant&apos;s own voice</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>Microphone</translation>
    </message>
    <message>
        <source>The microphone to use</source>
        <translation>The microphone to use</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Speaker</translation>
    </message>
    <message>
        <source>Where the assistant speaks</source>
        <translation>Where the assistant speaks</translation>
    </message>
    <message>
        <source>Echo cancellation</source>
        <translation>Echo cancellation</translation>
    </message>
    <message>
        <source>Take the assistant&apos;s voice out of the microphone, so you can talk over it on speakers</source>
        <translation>Take the assistant&apos;s voice out of the microphone, so you can talk over it on speakers</translation>
    </message>
    <message>
        <source>{device} (not connected)</source>
        <translation>{device} (not connected)</translation>
    </message>
</context>
<context>
    <name>GlobalActionKey</name>
    <message>
        <source>No shortcut: the Show button and the window&apos;s key still work.</source>
        <translation>No shortcut: the Show button and the window&apos;s key still work.</translation>
    </message>
    <message>
        <source>{shortcut} works in every application.</source>
        <translation>{shortcut} works in every application.</translation>
    </message>
</context>
<context>
    <name>GlobalShortcut</name>
    <message>
        <source>A global shortcut is not available on this display ({display}); the Space bar works in the window.</source>
        <translation>A global shortcut is not available on this display ({display}); the Space bar works in the window.</translation>
    </message>
</context>
<context>
    <name>GlobalTalkKey</name>
    <message>
        <source>The global shortcut is off.</source>
        <translation>The global shortcut is off.</translation>
    </message>
    <message>
        <source>{shortcut} works in every application: hold it to talk.</source>
        <translation>{shortcut} works in every application: hold it to talk.</translation>
    </message>
    <message>
        <source>{shortcut} works in every application: press it to start and again to send.</source>
        <translation>{shortcut} works in every application: press it to start and again to send.</translation>
    </message>
    <message>
        <source>Hold {shortcut} to talk from any application</source>
        <translation>Hold {shortcut} to talk from any application</translation>
    </message>
    <message>
        <source>Press {shortcut} to talk from any application</source>
        <translation>Press {shortcut} to talk from any application</translation>
    </message>
</context>
<context>
    <name>Handlers</name>
    <message>
        <source>talk over it or press Esc to interrupt</source>
        <translation>talk over it or press Esc to interrupt</translation>
    </message>
    <message>
        <source>hearing you</source>
        <translation>hearing you</translation>
    </message>
    <message>
        <source>You were quiet for a while: the assistant checks whether you are still there.</source>
        <translation>You were quiet for a while: the assistant checks whether you are still there.</translation>
    </message>
    <message>
        <source>not written down: {why}</source>
        <translation>not written down: {why}</translation>
    </message>
    <message>
        <source>Interrupted at {seconds} s of the reply.</source>
        <translation>Interrupted at {seconds} s of the reply.</translation>
    </message>
    <message>
        <source>writing it down</source>
        <translation>writing it down</translation>
    </message>
    <message>
        <source>A segment could not be transcribed</source>
        <translation>A segment could not be transcribed</translation>
    </message>
    <message>
        <source>The translation session was closed.</source>
        <translation>The translation session was closed.</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>The conversation could not be saved to the history ({why}).</source>
        <translation>The conversation could not be saved to the history ({why}).</translation>
    </message>
</context>
<context>
    <name>HistoryBrowser</name>
    <message>
        <source>The history could not be read ({why}).</source>
        <translation>The history could not be read ({why}).</translation>
    </message>
    <message numerus="yes">
        <source>%n reply(-ies)</source>
        <translation>
            <numerusform>%n reply</numerusform>
            <numerusform>%n replies</numerusform>
        </translation>
    </message>
    <message>
        <source>The conversation could not be read ({why}).</source>
        <translation>The conversation could not be read ({why}).</translation>
    </message>
    <message>
        <source>The conversation could not be deleted ({why}).</source>
        <translation>The conversation could not be deleted ({why}).</translation>
    </message>
    <message>
        <source>Conversation deleted.</source>
        <translation>Conversation deleted.</translation>
    </message>
    <message>
        <source>That conversation is no longer in the history.</source>
        <translation>That conversation is no longer in the history.</translation>
    </message>
    <message>
        <source>Could not export to {path}: {why}.</source>
        <translation>Could not export to {path}: {why}.</translation>
    </message>
    <message>
        <source>Exported to {path}.</source>
        <translation>Exported to {path}.</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Search past conversations</source>
        <translation>Search past conversations</translation>
    </message>
    <message>
        <source>Find conversations by the words in them</source>
        <translation>Find conversations by the words in them</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Newest first; Enter continues the selected one</source>
        <translation>Newest first; Enter continues the selected one</translation>
    </message>
    <message>
        <source>Past conversations</source>
        <translation>Past conversations</translation>
    </message>
    <message>
        <source>Select a conversation to read it.</source>
        <translation>Select a conversation to read it.</translation>
    </message>
    <message>
        <source>The selected conversation&apos;s text</source>
        <translation>The selected conversation&apos;s text</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Conversation</translation>
    </message>
    <message>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Export...</source>
        <translation>Export...</translation>
    </message>
    <message>
        <source>Start a new conversation (Ctrl+N)</source>
        <translation>Start a new conversation (Ctrl+N)</translation>
    </message>
    <message>
        <source>Carry on this conversation: the model gets it back</source>
        <translation>Carry on this conversation: the model gets it back</translation>
    </message>
    <message>
        <source>Delete the selected conversation</source>
        <translation>Delete the selected conversation</translation>
    </message>
    <message>
        <source>Save it as Markdown or JSON</source>
        <translation>Save it as Markdown or JSON</translation>
    </message>
    <message>
        <source>Delete conversation</source>
        <translation>Delete conversation</translation>
    </message>
    <message>
        <source>Delete this conversation from the history? This cannot be undone.</source>
        <translation>Delete this conversation from the history? This cannot be undone.</translation>
    </message>
    <message>
        <source>Export conversation</source>
        <translation>Export conversation</translation>
    </message>
</context>
<context>
    <name>InterpreterLog</name>
    <message>
        <source>What was said:</source>
        <translation>What was said:</translation>
    </message>
    <message>
        <source>Translation ({language}):</source>
        <translation>Translation ({language}):</translation>
    </message>
</context>
<context>
    <name>InterpreterView</name>
    <message>
        <source>The words the interpreter heard</source>
        <translation>The words the interpreter heard</translation>
    </message>
    <message>
        <source>What you said</source>
        <translation>What you said</translation>
    </message>
    <message>
        <source>The interpreter&apos;s words, as it speaks them</source>
        <translation>The interpreter&apos;s words, as it speaks them</translation>
    </message>
    <message>
        <source>The translation</source>
        <translation>The translation</translation>
    </message>
    <message>
        <source>Speak: what you say appears here...</source>
        <translation>Speak: what you say appears here...</translation>
    </message>
    <message>
        <source>...and its translation here, spoken aloud.</source>
        <translation>...and its translation here, spoken aloud.</translation>
    </message>
    <message>
        <source>Save...</source>
        <translation>Save...</translation>
    </message>
    <message>
        <source>Save both sides as text (Ctrl+S)</source>
        <translation>Save both sides as text (Ctrl+S)</translation>
    </message>
    <message>
        <source>Translation ({language})</source>
        <translation>Translation ({language})</translation>
    </message>
    <message>
        <source>Kept in {path}</source>
        <translation>Kept in {path}</translation>
    </message>
    <message>
        <source>Save the translation</source>
        <translation>Save the translation</translation>
    </message>
    <message>
        <source>Text (*.txt)</source>
        <translation>Text (*.txt)</translation>
    </message>
</context>
<context>
    <name>KeptFile</name>
    <message>
        <source>Could not save {name}: {why}.</source>
        <translation>Could not save {name}: {why}.</translation>
    </message>
</context>
<context>
    <name>KeyActions</name>
    <message>
        <source>Connected to {endpoint}.</source>
        <translation>Connected to {endpoint}.</translation>
    </message>
    <message>
        <source>The key is stored in the system keyring.</source>
        <translation>The key is stored in the system keyring.</translation>
    </message>
</context>
<context>
    <name>KeyDialog</name>
    <message>
        <source>OpenAI API key</source>
        <translation>OpenAI API key</translation>
    </message>
    <message>
        <source>Paste an API key to talk to a Realtime model. It is kept in your system keyring, never in a file.</source>
        <translation>Paste an API key to talk to a Realtime model. It is kept in your system keyring, never in a file.</translation>
    </message>
    <message>
        <source>Your OpenAI API key, starting with sk-</source>
        <translation>Your OpenAI API key, starting with sk-</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API key</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Show the key as you type it</source>
        <translation>Show the key as you type it</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Test connection</translation>
    </message>
    <message>
        <source>Save key</source>
        <translation>Save key</translation>
    </message>
    <message>
        <source>Use for this run</source>
        <translation>Use for this run</translation>
    </message>
    <message>
        <source>Try the offline demo</source>
        <translation>Try the offline demo</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Check the key against the endpoint</source>
        <translation>Check the key against the endpoint</translation>
    </message>
    <message>
        <source>Keep the key and connect</source>
        <translation>Keep the key and connect</translation>
    </message>
    <message>
        <source>Use the embedded offline server instead</source>
        <translation>Use the embedded offline server instead</translation>
    </message>
    <message>
        <source>Close without changing the key</source>
        <translation>Close without changing the key</translation>
    </message>
    <message>
        <source>Paste a key first.</source>
        <translation>Paste a key first.</translation>
    </message>
    <message>
        <source>Testing...</source>
        <translation>Testing...</translation>
    </message>
</context>
<context>
    <name>LevelMeter</name>
    <message>
        <source>{label} level</source>
        <translation>{label} level</translation>
    </message>
</context>
<context>
    <name>LocalMcpPage</name>
    <message>
        <source>Server and its tools</source>
        <translation>Server and its tools</translation>
    </message>
    <message>
        <source>State</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Your MCP servers; the switch of a server turns it on, the switch of a tool lets the model use it</source>
        <translation>Your MCP servers; the switch of a server turns it on, the switch of a tool lets the model use it</translation>
    </message>
    <message>
        <source>My MCP servers</source>
        <translation>My MCP servers</translation>
    </message>
    <message>
        <source>The app whose MCP servers to import</source>
        <translation>The app whose MCP servers to import</translation>
    </message>
    <message>
        <source>Import servers</source>
        <translation>Import servers</translation>
    </message>
    <message>
        <source>Adds that app&apos;s servers here, turned off</source>
        <translation>Adds that app&apos;s servers here, turned off</translation>
    </message>
    <message>
        <source>Read mcp.json again</source>
        <translation>Read mcp.json again</translation>
    </message>
    <message>
        <source>Restarts the servers from the file as it is now</source>
        <translation>Restarts the servers from the file as it is now</translation>
    </message>
    <message>
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <source>name, as in ${keyring:name}</source>
        <translation>name, as in ${keyring:name}</translation>
    </message>
    <message>
        <source>The name mcp.json gives the secret</source>
        <translation>The name mcp.json gives the secret</translation>
    </message>
    <message>
        <source>Secret name</source>
        <translation>Secret name</translation>
    </message>
    <message>
        <source>secret</source>
        <translation>secret</translation>
    </message>
    <message>
        <source>Kept in the system keyring, never in mcp.json</source>
        <translation>Kept in the system keyring, never in mcp.json</translation>
    </message>
    <message>
        <source>Secret value</source>
        <translation>Secret value</translation>
    </message>
    <message>
        <source>Keep in keyring</source>
        <translation>Keep in keyring</translation>
    </message>
    <message>
        <source>Stores the secret for mcp.json to name</source>
        <translation>Stores the secret for mcp.json to name</translation>
    </message>
    <message>
        <source>No MCP servers in this window.</source>
        <translation>No MCP servers in this window.</translation>
    </message>
    <message>
        <source>Servers are read from {path}.</source>
        <translation>Servers are read from {path}.</translation>
    </message>
    <message>
        <source>mcp.json, {problem}</source>
        <translation>mcp.json, {problem}</translation>
    </message>
    <message>
        <source>No servers yet: import them, or write mcp.json (the README shows an example).</source>
        <translation>No servers yet: import them, or write mcp.json (the README shows an example).</translation>
    </message>
    <message>
        <source>starting...</source>
        <translation>starting...</translation>
    </message>
    <message numerus="yes">
        <source>ready with %n tool(s)</source>
        <translation>
            <numerusform>ready with %n tool</numerusform>
            <numerusform>ready with %n tools</numerusform>
        </translation>
    </message>
    <message>
        <source>restarting: {why}</source>
        <translation>restarting: {why}</translation>
    </message>
    <message>
        <source>failed: {why}</source>
        <translation>failed: {why}</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>stopped</translation>
    </message>
    <message>
        <source>off</source>
        <translation>off</translation>
    </message>
    <message>
        <source>{name} is on.</source>
        <translation>{name} is on.</translation>
    </message>
    <message>
        <source>{name} is off.</source>
        <translation>{name} is off.</translation>
    </message>
    <message>
        <source>mcp.json was read again.</source>
        <translation>mcp.json was read again.</translation>
    </message>
    <message>
        <source>A secret needs a name and a value.</source>
        <translation>A secret needs a name and a value.</translation>
    </message>
    <message>
        <source>Kept in the keyring; mcp.json can name it as ${{keyring:{name}}}.</source>
        <translation>Kept in the keyring; mcp.json can name it as ${{keyring:{name}}}.</translation>
    </message>
</context>
<context>
    <name>LocalServers</name>
    <message>
        <source>mcp.json, {problem}</source>
        <translation>mcp.json, {problem}</translation>
    </message>
    <message>
        <source>Nothing imported: {why}</source>
        <translation>Nothing imported: {why}</translation>
    </message>
    <message>
        <source>{source} has no server that is not here already.</source>
        <translation>{source} has no server that is not here already.</translation>
    </message>
    <message>
        <source>Imported from {source}, turned off: {names}.</source>
        <translation>Imported from {source}, turned off: {names}.</translation>
    </message>
    <message>
        <source>MCP server {name} could not start: {why}</source>
        <translation>MCP server {name} could not start: {why}</translation>
    </message>
</context>
<context>
    <name>MacShortcut</name>
    <message>
        <source>This keyboard has no key “{key}”.</source>
        <translation>This keyboard has no key “{key}”.</translation>
    </message>
    <message>
        <source>macOS lets the app hear the shortcut once you allow it: System Settings, Privacy &amp; Security, Accessibility.</source>
        <translation>macOS lets the app hear the shortcut once you allow it: System Settings, Privacy &amp; Security, Accessibility.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Voice Assistant</source>
        <translation>Voice Assistant</translation>
    </message>
    <message>
        <source>Disconnected: press Connect (Ctrl+K).</source>
        <translation>Disconnected: press Connect (Ctrl+K).</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Connect</translation>
    </message>
    <message>
        <source>Talk with the model, dictate, or have what you say translated aloud (Ctrl+1, 2, 3)</source>
        <translation>Talk with the model, dictate, or have what you say translated aloud (Ctrl+1, 2, 3)</translation>
    </message>
    <message>
        <source>Session mode</source>
        <translation>Session mode</translation>
    </message>
    <message>
        <source>How a turn ends: on release, or when the server hears you stop</source>
        <translation>How a turn ends: on release, or when the server hears you stop</translation>
    </message>
    <message>
        <source>Turn mode</source>
        <translation>Turn mode</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>History</source>
        <translation>History</translation>
    </message>
    <message>
        <source>Connect to the endpoint, or disconnect (Ctrl+K)</source>
        <translation>Connect to the endpoint, or disconnect (Ctrl+K)</translation>
    </message>
    <message>
        <source>Endpoint, voice, devices, tools, desktop (Ctrl+,)</source>
        <translation>Endpoint, voice, devices, tools, desktop (Ctrl+,)</translation>
    </message>
    <message>
        <source>Every event sent and received (Ctrl+I)</source>
        <translation>Every event sent and received (Ctrl+I)</translation>
    </message>
    <message>
        <source>Past conversations (Ctrl+H)</source>
        <translation>Past conversations (Ctrl+H)</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Disconnect</translation>
    </message>
    <message>
        <source>&lt;b&gt;Offline demo&lt;/b&gt;: replies come from the embedded server, not a model. &lt;a href=&apos;key&apos;&gt;Add an API key...&lt;/a&gt;</source>
        <translation>&lt;b&gt;Offline demo&lt;/b&gt;: replies come from the embedded server, not a model. &lt;a href=&apos;key&apos;&gt;Add an API key...&lt;/a&gt;</translation>
    </message>
</context>
<context>
    <name>ModeViews</name>
    <message>
        <source>Saved {name}.</source>
        <translation>Saved {name}.</translation>
    </message>
</context>
<context>
    <name>ModelNotice</name>
    <message>
        <source>{model} was retired on {day}: the service no longer answers to it. {replacement} replaces it.</source>
        <translation>{model} was retired on {day}: the service no longer answers to it. {replacement} replaces it.</translation>
    </message>
    <message>
        <source>The service does not serve {model} to this key; {replacement} is the current model.</source>
        <translation>The service does not serve {model} to this key; {replacement} is the current model.</translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message>
        <source>What you were saying was not sent; please say it again.</source>
        <translation>What you were saying was not sent; please say it again.</translation>
    </message>
    <message>
        <source>The reply in progress was lost.</source>
        <translation>The reply in progress was lost.</translation>
    </message>
    <message>
        <source>— A new session (the time limit); the conversation carries on —</source>
        <translation>— A new session (the time limit); the conversation carries on —</translation>
    </message>
    <message>
        <source>hold Space or the button to dictate</source>
        <translation>hold Space or the button to dictate</translation>
    </message>
    <message>
        <source>speak: it is written down</source>
        <translation>speak: it is written down</translation>
    </message>
    <message>
        <source>hold Space or the button to speak</source>
        <translation>hold Space or the button to speak</translation>
    </message>
    <message>
        <source>speak: it is translated aloud</source>
        <translation>speak: it is translated aloud</translation>
    </message>
    <message>
        <source>hold Space or the button to talk</source>
        <translation>hold Space or the button to talk</translation>
    </message>
    <message>
        <source>talk any time</source>
        <translation>talk any time</translation>
    </message>
</context>
<context>
    <name>PictureDesk</name>
    <message>
        <source>That picture is no longer at hand.</source>
        <translation>That picture is no longer at hand.</translation>
    </message>
</context>
<context>
    <name>PictureViewer</name>
    <message>
        <source>Picture</source>
        <translation>Picture</translation>
    </message>
    <message>
        <source>The picture at its full size</source>
        <translation>The picture at its full size</translation>
    </message>
    <message>
        <source>Show it again</source>
        <translation>Show it again</translation>
    </message>
    <message>
        <source>Send this picture to the assistant once more</source>
        <translation>Send this picture to the assistant once more</translation>
    </message>
    <message>
        <source>Close the picture, or show it again</source>
        <translation>Close the picture, or show it again</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Actions</translation>
    </message>
</context>
<context>
    <name>Pictures</name>
    <message>
        <source>The picture is too large ({mb} MB); the limit is {limit} MB.</source>
        <translation>The picture is too large ({mb} MB); the limit is {limit} MB.</translation>
    </message>
    <message>
        <source>The picture is too large ({width} × {height} pixels).</source>
        <translation>The picture is too large ({width} × {height} pixels).</translation>
    </message>
    <message>
        <source>That is not a picture this app can read (PNG or JPEG work).</source>
        <translation>That is not a picture this app can read (PNG or JPEG work).</translation>
    </message>
    <message>
        <source>The picture is empty.</source>
        <translation>The picture is empty.</translation>
    </message>
    <message>
        <source>The picture could not be encoded as {kind}.</source>
        <translation>The picture could not be encoded as {kind}.</translation>
    </message>
</context>
<context>
    <name>PortalScreenshot</name>
    <message>
        <source>The screenshot was cancelled.</source>
        <translation>The screenshot was cancelled.</translation>
    </message>
    <message>
        <source>The desktop could not take the screenshot.</source>
        <translation>The desktop could not take the screenshot.</translation>
    </message>
    <message>
        <source>This desktop&apos;s portal takes no screenshots ({why}).</source>
        <translation>This desktop&apos;s portal takes no screenshots ({why}).</translation>
    </message>
    <message>
        <source>The desktop&apos;s portal gave no picture.</source>
        <translation>The desktop&apos;s portal gave no picture.</translation>
    </message>
</context>
<context>
    <name>PortalShortcut</name>
    <message>
        <source>This desktop&apos;s portal offers no global shortcuts (GlobalShortcuts, in GNOME 48, KDE Plasma 5.27 and Hyprland and later); the Space bar works in the window.</source>
        <translation>This desktop&apos;s portal offers no global shortcuts (GlobalShortcuts, in GNOME 48, KDE Plasma 5.27 and Hyprland and later); the Space bar works in the window.</translation>
    </message>
    <message>
        <source>The portal is asked from the app&apos;s event loop, which is not running.</source>
        <translation>The portal is asked from the app&apos;s event loop, which is not running.</translation>
    </message>
    <message>
        <source>The portal refused: {why}</source>
        <translation>The portal refused: {why}</translation>
    </message>
    <message>
        <source>Could not reach the desktop portal over D-Bus: {why}</source>
        <translation>Could not reach the desktop portal over D-Bus: {why}</translation>
    </message>
    <message>
        <source>Hold to talk to the assistant</source>
        <translation>Hold to talk to the assistant</translation>
    </message>
    <message>
        <source>Show the screen to the assistant</source>
        <translation>Show the screen to the assistant</translation>
    </message>
    <message>
        <source>The desktop did not bind the shortcut.</source>
        <translation>The desktop did not bind the shortcut.</translation>
    </message>
    <message>
        <source>The desktop declined the global shortcut.</source>
        <translation>The desktop declined the global shortcut.</translation>
    </message>
    <message>
        <source>The desktop&apos;s portal failed to bind it.</source>
        <translation>The desktop&apos;s portal failed to bind it.</translation>
    </message>
</context>
<context>
    <name>RegionPicker</name>
    <message>
        <source>Choose a region</source>
        <translation>Choose a region</translation>
    </message>
    <message>
        <source>Drag over the part of the screen to show; Esc cancels</source>
        <translation>Drag over the part of the screen to show; Esc cancels</translation>
    </message>
</context>
<context>
    <name>Replies</name>
    <message>
        <source>The service is limiting how fast this key may ask: the reply failed. Wait a few seconds, then press Retry.</source>
        <translation>The service is limiting how fast this key may ask: the reply failed. Wait a few seconds, then press Retry.</translation>
    </message>
    <message>
        <source>The account&apos;s quota is used up: the reply failed. Check the plan and billing of the account the key belongs to.</source>
        <translation>The account&apos;s quota is used up: the reply failed. Check the plan and billing of the account the key belongs to.</translation>
    </message>
    <message>
        <source>The service failed to answer (a server error, code {code}).</source>
        <translation>The service failed to answer (a server error, code {code}).</translation>
    </message>
    <message>
        <source>The reply was cut short: it reached the most output tokens allowed.</source>
        <translation>The reply was cut short: it reached the most output tokens allowed.</translation>
    </message>
    <message>
        <source>The reply was stopped by the service&apos;s content filter.</source>
        <translation>The reply was stopped by the service&apos;s content filter.</translation>
    </message>
    <message>
        <source>The reply ended early ({reason}).</source>
        <translation>The reply ended early ({reason}).</translation>
    </message>
</context>
<context>
    <name>RepliesPage</name>
    <message>
        <source>Voice</source>
        <translation>Voice</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>The voice the assistant speaks in (fixed for a session once it has spoken: a new voice takes a new connection)</source>
        <translation>The voice the assistant speaks in (fixed for a session once it has spoken: a new voice takes a new connection)</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Speed</translation>
    </message>
    <message>
        <source>How fast the assistant speaks: 1.0 is the voice&apos;s own pace</source>
        <translation>How fast the assistant speaks: 1.0 is the voice&apos;s own pace</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>Replies</translation>
    </message>
    <message>
        <source>Reply in text only (no voice)</source>
        <translation>Reply in text only (no voice)</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>no limit</translation>
    </message>
    <message>
        <source>Auto: drop the oldest turns</source>
        <translation>Auto: drop the oldest turns</translation>
    </message>
    <message>
        <source>Keep a share, so the cache lasts</source>
        <translation>Keep a share, so the cache lasts</translation>
    </message>
    <message>
        <source>Never: fail instead</source>
        <translation>Never: fail instead</translation>
    </message>
    <message>
        <source>The assistant writes its replies instead of speaking them</source>
        <translation>The assistant writes its replies instead of speaking them</translation>
    </message>
    <message>
        <source>Longest reply</source>
        <translation>Longest reply</translation>
    </message>
    <message>
        <source>The most tokens one reply may use; a longer one is cut short and says so</source>
        <translation>The most tokens one reply may use; a longer one is cut short and says so</translation>
    </message>
    <message>
        <source>Tool choice</source>
        <translation>Tool choice</translation>
    </message>
    <message>
        <source>auto: the model decides; none: no tools; required: always a tool; or type the name of the one tool to call</source>
        <translation>auto: the model decides; none: no tools; required: always a tool; or type the name of the one tool to call</translation>
    </message>
    <message>
        <source>When the conversation is too long</source>
        <translation>When the conversation is too long</translation>
    </message>
    <message>
        <source>What the service does once the conversation exceeds what the model can read</source>
        <translation>What the service does once the conversation exceeds what the model can read</translation>
    </message>
    <message>
        <source>Share kept</source>
        <translation>Share kept</translation>
    </message>
    <message>
        <source>How much of the conversation is kept when it is cut</source>
        <translation>How much of the conversation is kept when it is cut</translation>
    </message>
    <message>
        <source>Stored prompt</source>
        <translation>Stored prompt</translation>
    </message>
    <message>
        <source>pmpt_...; empty: none</source>
        <translation>pmpt_...; empty: none</translation>
    </message>
    <message>
        <source>empty: the newest</source>
        <translation>empty: the newest</translation>
    </message>
    <message>
        <source>{&quot;customer&quot;: &quot;Ada&quot;}</source>
        <translation>{&quot;customer&quot;: &quot;Ada&quot;}</translation>
    </message>
    <message>
        <source>Prompt id</source>
        <translation>Prompt id</translation>
    </message>
    <message>
        <source>A prompt template kept on the OpenAI platform, used with the instructions</source>
        <translation>A prompt template kept on the OpenAI platform, used with the instructions</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Which version of the template</source>
        <translation>Which version of the template</translation>
    </message>
    <message>
        <source>Variables</source>
        <translation>Variables</translation>
    </message>
    <message>
        <source>The template&apos;s variables, as a JSON object of texts</source>
        <translation>The template&apos;s variables, as a JSON object of texts</translation>
    </message>
    <message>
        <source>Listening</source>
        <translation>Listening</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>off</source>
        <translation>off</translation>
    </message>
    <message>
        <source>empty: no transcript of what you say</source>
        <translation>empty: no transcript of what you say</translation>
    </message>
    <message>
        <source>e.g. en; empty: detected</source>
        <translation>e.g. en; empty: detected</translation>
    </message>
    <message>
        <source>Names and words to expect, to spell them right</source>
        <translation>Names and words to expect, to spell them right</translation>
    </message>
    <message>
        <source>Near field (headset, laptop)</source>
        <translation>Near field (headset, laptop)</translation>
    </message>
    <message>
        <source>Far field (room microphone)</source>
        <translation>Far field (room microphone)</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Off</translation>
    </message>
    <message>
        <source>Idle timeout (server VAD)</source>
        <translation>Idle timeout (server VAD)</translation>
    </message>
    <message>
        <source>After a reply, this long without a word and the assistant checks whether you are still there</source>
        <translation>After a reply, this long without a word and the assistant checks whether you are still there</translation>
    </message>
    <message>
        <source>Transcription model</source>
        <translation>Transcription model</translation>
    </message>
    <message>
        <source>Writes down what you say, in every mode</source>
        <translation>Writes down what you say, in every mode</translation>
    </message>
    <message>
        <source>Your language</source>
        <translation>Your language</translation>
    </message>
    <message>
        <source>The language you speak, as a two-letter code; helps the transcription</source>
        <translation>The language you speak, as a two-letter code; helps the transcription</translation>
    </message>
    <message>
        <source>Words to expect</source>
        <translation>Words to expect</translation>
    </message>
    <message>
        <source>Helps the transcription spell names and terms (models that take a prompt)</source>
        <translation>Helps the transcription spell names and terms (models that take a prompt)</translation>
    </message>
    <message>
        <source>Noise reduction</source>
        <translation>Noise reduction</translation>
    </message>
    <message>
        <source>The server&apos;s filter for the kind of microphone you use</source>
        <translation>The server&apos;s filter for the kind of microphone you use</translation>
    </message>
    <message>
        <source>Hear a sentence at this speed, in the offline demo&apos;s voice</source>
        <translation>Hear a sentence at this speed, in the offline demo&apos;s voice</translation>
    </message>
    <message>
        <source>The preview plays in the offline demo (connect to it from the key dialog)</source>
        <translation>The preview plays in the offline demo (connect to it from the key dialog)</translation>
    </message>
</context>
<context>
    <name>ScreenCapture</name>
    <message>
        <source>macOS needs the Screen Recording permission: allow Voice Assistant in System Settings → Privacy &amp; Security → Screen Recording, then try again.</source>
        <translation>macOS needs the Screen Recording permission: allow Voice Assistant in System Settings → Privacy &amp; Security → Screen Recording, then try again.</translation>
    </message>
    <message>
        <source>No window of another application was found; showing a window needs X11 here.</source>
        <translation>No window of another application was found; showing a window needs X11 here.</translation>
    </message>
    <message>
        <source>Could not ask the desktop portal for a screenshot: {why}</source>
        <translation>Could not ask the desktop portal for a screenshot: {why}</translation>
    </message>
    <message>
        <source>The desktop&apos;s portal gave a file that is not a picture.</source>
        <translation>The desktop&apos;s portal gave a file that is not a picture.</translation>
    </message>
    <message>
        <source>There is no screen to capture.</source>
        <translation>There is no screen to capture.</translation>
    </message>
    <message>
        <source>Nothing could be captured on this display ({platform}).</source>
        <translation>Nothing could be captured on this display ({platform}).</translation>
    </message>
</context>
<context>
    <name>SessionHost</name>
    <message>
        <source>Reconnecting...</source>
        <translation>Reconnecting...</translation>
    </message>
</context>
<context>
    <name>SessionKeeper</name>
    <message>
        <source>Connecting to {endpoint}...</source>
        <translation>Connecting to {endpoint}...</translation>
    </message>
    <message>
        <source>The server stopped answering mid-response ({seconds} s without a word).</source>
        <translation>The server stopped answering mid-response ({seconds} s without a word).</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>The price table is not valid JSON: {why}.</source>
        <translation>The price table is not valid JSON: {why}.</translation>
    </message>
    <message>
        <source>The price table must map model names to prices.</source>
        <translation>The price table must map model names to prices.</translation>
    </message>
    <message>
        <source>The price of &apos;{model}&apos; needs exactly: {fields}.</source>
        <translation>The price of &apos;{model}&apos; needs exactly: {fields}.</translation>
    </message>
    <message>
        <source>The prices of &apos;{model}&apos; must be numbers of 0 or more.</source>
        <translation>The prices of &apos;{model}&apos; must be numbers of 0 or more.</translation>
    </message>
    <message>
        <source>The MCP servers are not valid JSON: {why}</source>
        <translation>The MCP servers are not valid JSON: {why}</translation>
    </message>
    <message>
        <source>The MCP servers must be a list.</source>
        <translation>The MCP servers must be a list.</translation>
    </message>
    <message>
        <source>Each MCP server needs a label and an https address.</source>
        <translation>Each MCP server needs a label and an https address.</translation>
    </message>
    <message>
        <source>MCP server label &apos;{label}&apos;: letters, digits, - and _ only.</source>
        <translation>MCP server label &apos;{label}&apos;: letters, digits, - and _ only.</translation>
    </message>
    <message>
        <source>MCP server {label}: the address must start with https://.</source>
        <translation>MCP server {label}: the address must start with https://.</translation>
    </message>
    <message>
        <source>MCP server {label}: approval is &apos;always&apos; or &apos;never&apos;.</source>
        <translation>MCP server {label}: approval is &apos;always&apos; or &apos;never&apos;.</translation>
    </message>
    <message>
        <source>MCP server label &apos;{label}&apos; is used twice.</source>
        <translation>MCP server label &apos;{label}&apos; is used twice.</translation>
    </message>
    <message>
        <source>The variables are not JSON: {error}</source>
        <translation>The variables are not JSON: {error}</translation>
    </message>
    <message>
        <source>The variables must be one object of texts, like {&quot;name&quot;: &quot;Ada&quot;}.</source>
        <translation>The variables must be one object of texts, like {&quot;name&quot;: &quot;Ada&quot;}.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <source>Voice and replies</source>
        <translation>Voice and replies</translation>
    </message>
    <message>
        <source>Sessions and cost</source>
        <translation>Sessions and cost</translation>
    </message>
    <message>
        <source>Dictation and translation</source>
        <translation>Dictation and translation</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Connection</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Tools</translation>
    </message>
    <message>
        <source>My MCP servers</source>
        <translation>My MCP servers</translation>
    </message>
    <message>
        <source>Desktop</source>
        <translation>Desktop</translation>
    </message>
    <message>
        <source>The pages of the settings (Ctrl+Tab)</source>
        <translation>The pages of the settings (Ctrl+Tab)</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Settings pages</translation>
    </message>
    <message>
        <source>Use these settings and close</source>
        <translation>Use these settings and close</translation>
    </message>
    <message>
        <source>Close without changing anything</source>
        <translation>Close without changing anything</translation>
    </message>
    <message>
        <source>Long conversations</source>
        <translation>Long conversations</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> tokens</translation>
    </message>
    <message>
        <source>Reset prices</source>
        <translation>Reset prices</translation>
    </message>
    <message>
        <source>Put back the prices this version knows</source>
        <translation>Put back the prices this version knows</translation>
    </message>
    <message>
        <source>New session after</source>
        <translation>New session after</translation>
    </message>
    <message>
        <source>OpenAI ends a session after 60 minutes; a new one is opened at a quiet moment before that, with the conversation</source>
        <translation>OpenAI ends a session after 60 minutes; a new one is opened at a quiet moment before that, with the conversation</translation>
    </message>
    <message>
        <source>Carry over at most</source>
        <translation>Carry over at most</translation>
    </message>
    <message>
        <source>How much of the conversation a new session is given back</source>
        <translation>How much of the conversation a new session is given back</translation>
    </message>
    <message>
        <source>Prices (USD per 1M tokens)</source>
        <translation>Prices (USD per 1M tokens)</translation>
    </message>
    <message>
        <source>The price table the cost in the status bar is counted with</source>
        <translation>The price table the cost in the status bar is counted with</translation>
    </message>
    <message>
        <source>Dictation and live translation</source>
        <translation>Dictation and live translation</translation>
    </message>
    <message>
        <source>Dictation and the interpreter use the transcription settings of the Voice and replies tab and the turn detection of the General tab.</source>
        <translation>Dictation and the interpreter use the transcription settings of the Voice and replies tab and the turn detection of the General tab.</translation>
    </message>
    <message>
        <source>Set by your organisation</source>
        <translation>Set by your organisation</translation>
    </message>
    <message>
        <source>e.g. fr, de, ja</source>
        <translation>e.g. fr, de, ja</translation>
    </message>
    <message>
        <source>Translate into</source>
        <translation>Translate into</translation>
    </message>
    <message>
        <source>The language the interpreter speaks, as a two-letter code</source>
        <translation>The language the interpreter speaks, as a two-letter code</translation>
    </message>
    <message>
        <source>Translation model</source>
        <translation>Translation model</translation>
    </message>
    <message>
        <source>The model of the live-translation endpoint</source>
        <translation>The model of the live-translation endpoint</translation>
    </message>
</context>
<context>
    <name>Shortcut</name>
    <message>
        <source>“{text}” is not a shortcut: use modifiers and one key, like {example}.</source>
        <translation>“{text}” is not a shortcut: use modifiers and one key, like {example}.</translation>
    </message>
    <message>
        <source>“{text}” names a modifier twice.</source>
        <translation>“{text}” names a modifier twice.</translation>
    </message>
</context>
<context>
    <name>ShowButton</name>
    <message>
        <source>Show</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Show the assistant your screen ({shortcut} anywhere); the arrow (or Ctrl+Shift+S) offers a window, a region or a file. You can also paste or drop a picture.</source>
        <translation>Show the assistant your screen ({shortcut} anywhere); the arrow (or Ctrl+Shift+S) offers a window, a region or a file. You can also paste or drop a picture.</translation>
    </message>
    <message>
        <source>Show screen</source>
        <translation>Show screen</translation>
    </message>
    <message>
        <source>The &amp;screen</source>
        <translation>The &amp;screen</translation>
    </message>
    <message>
        <source>The &amp;window in use</source>
        <translation>The &amp;window in use</translation>
    </message>
    <message>
        <source>A &amp;region of the screen...</source>
        <translation>A &amp;region of the screen...</translation>
    </message>
    <message>
        <source>A picture &amp;file...</source>
        <translation>A picture &amp;file...</translation>
    </message>
    <message>
        <source>Show a picture</source>
        <translation>Show a picture</translation>
    </message>
    <message>
        <source>Pictures ({patterns})</source>
        <translation>Pictures ({patterns})</translation>
    </message>
</context>
<context>
    <name>Showing</name>
    <message>
        <source>a region of the screen</source>
        <translation>a region of the screen</translation>
    </message>
    <message>
        <source>a pasted picture</source>
        <translation>a pasted picture</translation>
    </message>
    <message>
        <source>{name} is too large to show (over {mb} MB).</source>
        <translation>{name} is too large to show (over {mb} MB).</translation>
    </message>
    <message>
        <source>{name} cannot be shown: {why}</source>
        <translation>{name} cannot be shown: {why}</translation>
    </message>
    <message>
        <source>a picture shown again</source>
        <translation>a picture shown again</translation>
    </message>
    <message>
        <source>The assistant looked at your screen</source>
        <translation>The assistant looked at your screen</translation>
    </message>
    <message>
        <source>your screen, for the assistant</source>
        <translation>your screen, for the assistant</translation>
    </message>
    <message>
        <source>Showing the screen is not available here.</source>
        <translation>Showing the screen is not available here.</translation>
    </message>
    <message>
        <source>Captured the window</source>
        <translation>Captured the window</translation>
    </message>
    <message>
        <source>Captured the screen</source>
        <translation>Captured the screen</translation>
    </message>
    <message>
        <source>the window</source>
        <translation>the window</translation>
    </message>
    <message>
        <source>the screen</source>
        <translation>the screen</translation>
    </message>
    <message>
        <source>Not connected: connect first to show a picture.</source>
        <translation>Not connected: connect first to show a picture.</translation>
    </message>
    <message>
        <source>This endpoint speaks the older beta protocol, which takes no pictures.</source>
        <translation>This endpoint speaks the older beta protocol, which takes no pictures.</translation>
    </message>
</context>
<context>
    <name>Stage</name>
    <message>
        <source>offline demo</source>
        <translation>offline demo</translation>
    </message>
    <message>
        <source>Asking once more...</source>
        <translation>Asking once more...</translation>
    </message>
    <message>
        <source>Rate limit: {left} of {total} {name} left; more in {seconds} s.</source>
        <translation>Rate limit: {left} of {total} {name} left; more in {seconds} s.</translation>
    </message>
</context>
<context>
    <name>StateBar</name>
    <message>
        <source>Retry now</source>
        <translation>Retry now</translation>
    </message>
    <message>
        <source>Reconnect now instead of waiting (Ctrl+R)</source>
        <translation>Reconnect now instead of waiting (Ctrl+R)</translation>
    </message>
    <message numerus="yes">
        <source>Reconnecting in %n s</source>
        <translation>
            <numerusform>Reconnecting in %n s</numerusform>
            <numerusform>Reconnecting in %n s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TalkControls</name>
    <message>
        <source>Mic</source>
        <translation>Mic</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Assistant</translation>
    </message>
    <message>
        <source>Hold to talk  (Space)</source>
        <translation>Hold to talk  (Space)</translation>
    </message>
    <message>
        <source>Hold while you talk; release to send. The global shortcut works from other applications.</source>
        <translation>Hold while you talk; release to send. The global shortcut works from other applications.</translation>
    </message>
    <message>
        <source>Hold to talk</source>
        <translation>Hold to talk</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Mute</translation>
    </message>
    <message>
        <source>Stop sending the microphone (Ctrl+M)</source>
        <translation>Stop sending the microphone (Ctrl+M)</translation>
    </message>
    <message>
        <source>Interrupt  (Esc)</source>
        <translation>Interrupt  (Esc)</translation>
    </message>
    <message>
        <source>Stop the assistant talking (Esc)</source>
        <translation>Stop the assistant talking (Esc)</translation>
    </message>
    <message>
        <source>Interrupt</source>
        <translation>Interrupt</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>Unmute</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <source>Something went wrong: {why}</source>
        <translation>Something went wrong: {why}</translation>
    </message>
</context>
<context>
    <name>ToolCalls</name>
    <message numerus="yes">
        <source>MCP server {label} offers %n tool(s): {tools}.</source>
        <translation>
            <numerusform>MCP server {label} offers %n tool: {tools}.</numerusform>
            <numerusform>MCP server {label} offers %n tools: {tools}.</numerusform>
        </translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>MCP server {label} could not be reached or refused to list its tools; check its address in Settings, Tools.</source>
        <translation>MCP server {label} could not be reached or refused to list its tools; check its address in Settings, Tools.</translation>
    </message>
    <message>
        <source>Remote MCP servers need the GA protocol; this endpoint speaks the beta one, so it is not told of them.</source>
        <translation>Remote MCP servers need the GA protocol; this endpoint speaks the beta one, so it is not told of them.</translation>
    </message>
</context>
<context>
    <name>ToolRow</name>
    <message>
        <source>waiting for your answer below</source>
        <translation>waiting for your answer below</translation>
    </message>
    <message>
        <source>running…</source>
        <translation>running…</translation>
    </message>
    <message>
        <source>failed:</source>
        <translation>failed:</translation>
    </message>
    <message>
        <source>hide</source>
        <translation>hide</translation>
    </message>
    <message>
        <source>details</source>
        <translation>details</translation>
    </message>
    <message>
        <source>arguments</source>
        <translation>arguments</translation>
    </message>
    <message>
        <source>result</source>
        <translation>result</translation>
    </message>
</context>
<context>
    <name>Tools</name>
    <message>
        <source>The token for the MCP server {label} is used for this run only: {why}</source>
        <translation>The token for the MCP server {label} is used for this run only: {why}</translation>
    </message>
    <message>
        <source>Current date and time</source>
        <translation>Current date and time</translation>
    </message>
    <message>
        <source>Open a web page</source>
        <translation>Open a web page</translation>
    </message>
    <message>
        <source>Copy to the clipboard</source>
        <translation>Copy to the clipboard</translation>
    </message>
    <message>
        <source>Read the clipboard</source>
        <translation>Read the clipboard</translation>
    </message>
    <message>
        <source>Look at the screen</source>
        <translation>Look at the screen</translation>
    </message>
    <message>
        <source>Timers</source>
        <translation>Timers</translation>
    </message>
    <message>
        <source>Search past conversations</source>
        <translation>Search past conversations</translation>
    </message>
</context>
<context>
    <name>ToolsPage</name>
    <message>
        <source>Built-in tools the assistant may use</source>
        <translation>Built-in tools the assistant may use</translation>
    </message>
    <message>
        <source>(asks first)</source>
        <translation>(asks first)</translation>
    </message>
    <message>
        <source>Lets the model call {name}</source>
        <translation>Lets the model call {name}</translation>
    </message>
    <message>
        <source>Ask again for every tool</source>
        <translation>Ask again for every tool</translation>
    </message>
    <message>
        <source>Every tool asks for permission again</source>
        <translation>Every tool asks for permission again</translation>
    </message>
    <message>
        <source>Remote MCP servers (the model&apos;s service calls them)</source>
        <translation>Remote MCP servers (the model&apos;s service calls them)</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Address (https://...)</source>
        <translation>Address (https://...)</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>Approval</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>One row per server: its label, address, whether calls ask first, and its token</source>
        <translation>One row per server: its label, address, whether calls ask first, and its token</translation>
    </message>
    <message>
        <source>Remote MCP servers</source>
        <translation>Remote MCP servers</translation>
    </message>
    <message>
        <source>Add server</source>
        <translation>Add server</translation>
    </message>
    <message>
        <source>Remove server</source>
        <translation>Remove server</translation>
    </message>
    <message>
        <source>A new row for a server</source>
        <translation>A new row for a server</translation>
    </message>
    <message>
        <source>Remove the selected server</source>
        <translation>Remove the selected server</translation>
    </message>
    <message>
        <source>The offline demo emulates one, with tools add and save_note, at {url}. Tokens are kept in the system keyring.</source>
        <translation>The offline demo emulates one, with tools add and save_note, at {url}. Tokens are kept in the system keyring.</translation>
    </message>
    <message>
        <source>Whether a call to this server asks you first</source>
        <translation>Whether a call to this server asks you first</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>saved</translation>
    </message>
    <message>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message>
        <source>Sent as a bearer token; kept in the system keyring</source>
        <translation>Sent as a bearer token; kept in the system keyring</translation>
    </message>
    <message>
        <source>Token for {server}</source>
        <translation>Token for {server}</translation>
    </message>
    <message>
        <source>Token for the new server</source>
        <translation>Token for the new server</translation>
    </message>
    <message>
        <source>The saved servers could not be read: {why}</source>
        <translation>The saved servers could not be read: {why}</translation>
    </message>
    <message>
        <source>Allowed without asking: {tools}</source>
        <translation>Allowed without asking: {tools}</translation>
    </message>
</context>
<context>
    <name>TranscriptView</name>
    <message>
        <source>The conversation appears here. Hold Space to talk, or type a message below.</source>
        <translation>The conversation appears here. Hold Space to talk, or type a message below.</translation>
    </message>
    <message>
        <source>The conversation, newest at the bottom</source>
        <translation>The conversation, newest at the bottom</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Conversation</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message>
        <source>Listening</source>
        <translation>Listening</translation>
    </message>
    <message>
        <source>Speaking</source>
        <translation>Speaking</translation>
    </message>
    <message>
        <source>Thinking</source>
        <translation>Thinking</translation>
    </message>
    <message>
        <source>Microphone muted</source>
        <translation>Microphone muted</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Not connected</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Show or hide the window</source>
        <translation>Show or hide the window</translation>
    </message>
    <message>
        <source>Mute the microphone</source>
        <translation>Mute the microphone</translation>
    </message>
    <message>
        <source>Turn mode</source>
        <translation>Turn mode</translation>
    </message>
    <message>
        <source>Check for updates</source>
        <translation>Check for updates</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Voice Assistant: {state}</source>
        <translation>Voice Assistant: {state}</translation>
    </message>
</context>
<context>
    <name>TrayAndKeys</name>
    <message>
        <source>Voice Assistant {version} is available</source>
        <translation>Voice Assistant {version} is available</translation>
    </message>
    <message>
        <source>A tool asks for permission</source>
        <translation>A tool asks for permission</translation>
    </message>
    <message>
        <source>{tool} waits for Allow or Deny in the window.</source>
        <translation>{tool} waits for Allow or Deny in the window.</translation>
    </message>
    <message>
        <source>Connection lost</source>
        <translation>Connection lost</translation>
    </message>
    <message>
        <source>{why}. Reconnecting in {seconds} s.</source>
        <translation>{why}. Reconnecting in {seconds} s.</translation>
    </message>
    <message>
        <source>Still running</source>
        <translation>Still running</translation>
    </message>
    <message>
        <source>Voice Assistant is in the tray; {shortcut} talks to it from anywhere.</source>
        <translation>Voice Assistant is in the tray; {shortcut} talks to it from anywhere.</translation>
    </message>
</context>
<context>
    <name>UpdateWatch</name>
    <message>
        <source>the release page</source>
        <translation>the release page</translation>
    </message>
    <message>
        <source>Voice Assistant {version} is up to date.</source>
        <translation>Voice Assistant {version} is up to date.</translation>
    </message>
    <message>
        <source>Could not check for updates: {why}.</source>
        <translation>Could not check for updates: {why}.</translation>
    </message>
</context>
<context>
    <name>Updates</name>
    <message>
        <source>Update it with: sudo apt update &amp;&amp; sudo apt upgrade (with the project&apos;s apt repository added, as the README shows), or install the new .deb from {page}</source>
        <translation>Update it with: sudo apt update &amp;&amp; sudo apt upgrade (with the project&apos;s apt repository added, as the README shows), or install the new .deb from {page}</translation>
    </message>
    <message>
        <source>Download the new file from {page}</source>
        <translation>Download the new file from {page}</translation>
    </message>
    <message>
        <source>Download the new archive from {page} and unpack it over this one</source>
        <translation>Download the new archive from {page} and unpack it over this one</translation>
    </message>
    <message>
        <source>Download the new app from {page} and move it to Applications, replacing this one</source>
        <translation>Download the new app from {page} and move it to Applications, replacing this one</translation>
    </message>
    <message>
        <source>Run the new installer from {page}</source>
        <translation>Run the new installer from {page}</translation>
    </message>
    <message>
        <source>Update your checkout (git pull), then run: bash dev.sh app</source>
        <translation>Update your checkout (git pull), then run: bash dev.sh app</translation>
    </message>
</context>
<context>
    <name>Usage</name>
    <message>
        <source>Last turn {input} in ({cached} cached) / {output} out, {cost}</source>
        <translation>Last turn {input} in ({cached} cached) / {output} out, {cost}</translation>
    </message>
</context>
<context>
    <name>WindowsShortcut</name>
    <message>
        <source>This keyboard has no key “{key}”.</source>
        <translation>This keyboard has no key “{key}”.</translation>
    </message>
    <message>
        <source>{shortcut} is already taken by another application; choose another shortcut in the settings.</source>
        <translation>{shortcut} is already taken by another application; choose another shortcut in the settings.</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <source>Conversation</source>
        <translation>Conversation</translation>
    </message>
    <message>
        <source>Dictation</source>
        <translation>Dictation</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Ready</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Recording</translation>
    </message>
    <message>
        <source>Push-to-talk</source>
        <translation>Push-to-talk</translation>
    </message>
    <message>
        <source>Server VAD</source>
        <translation>Server VAD</translation>
    </message>
    <message>
        <source>Semantic VAD</source>
        <translation>Semantic VAD</translation>
    </message>
    <message>
        <source>Interpreter</source>
        <translation>Interpreter</translation>
    </message>
    <message>
        <source>Automatic (off on headphones)</source>
        <translation>Automatic (off on headphones)</translation>
    </message>
    <message>
        <source>On</source>
        <translation>On</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Off</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>System default</translation>
    </message>
    <message>
        <source>Ask me each time</source>
        <translation>Ask me each time</translation>
    </message>
    <message>
        <source>Never ask</source>
        <translation>Never ask</translation>
    </message>
    <message>
        <source>You</source>
        <translation>You</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Assistant</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Disconnected</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Connecting</translation>
    </message>
    <message>
        <source>Thinking</source>
        <translation>Thinking</translation>
    </message>
    <message>
        <source>Speaking</source>
        <translation>Speaking</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
</context>
<context>
    <name>X11Shortcut</name>
    <message>
        <source>The global shortcut needs python-xlib, which is not installed.</source>
        <translation>The global shortcut needs python-xlib, which is not installed.</translation>
    </message>
    <message>
        <source>Could not reach the X display {display}: {why}</source>
        <translation>Could not reach the X display {display}: {why}</translation>
    </message>
    <message>
        <source>This keyboard has no key “{key}”.</source>
        <translation>This keyboard has no key “{key}”.</translation>
    </message>
    <message>
        <source>{shortcut} is already taken by another application; choose another shortcut in the settings.</source>
        <translation>{shortcut} is already taken by another application; choose another shortcut in the settings.</translation>
    </message>
</context>
</TS>
