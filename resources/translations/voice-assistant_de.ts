<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>AppShell</name>
    <message>
        <source>Send your key unencrypted?</source>
        <translation>Den Schlüssel unverschlüsselt senden?</translation>
    </message>
    <message>
        <source>{host} is reached over ws:// or http://: your key and everything you say would cross the network in clear text, readable by anyone on the way. Send them anyway, now and from now on, to {host}?</source>
        <translation>{host} wird über ws:// oder http:// erreicht: Ihr Schlüssel und alles, was Sie sagen, ginge im Klartext über das Netz, lesbar für jeden auf dem Weg. Trotzdem senden, jetzt und künftig, an {host}?</translation>
    </message>
    <message>
        <source>An unexpected error happened: {why}</source>
        <translation>Ein unerwarteter Fehler ist aufgetreten: {why}</translation>
    </message>
</context>
<context>
    <name>AudioSupervisor</name>
    <message>
        <source>The preview needs a speaker: connect first.</source>
        <translation>Die Vorschau braucht einen Lautsprecher: Verbinden Sie sich zuerst.</translation>
    </message>
    <message>
        <source>Audio reopened on {devices}.</source>
        <translation>Audio wieder geöffnet auf {devices}.</translation>
    </message>
    <message>
        <source>Audio is off: choose devices in Settings (Ctrl+,).</source>
        <translation>Audio ist aus: Geräte in den Einstellungen wählen (Strg+,).</translation>
    </message>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <source>no device</source>
        <translation>kein Gerät</translation>
    </message>
</context>
<context>
    <name>Autostart</name>
    <message>
        <source>Could not add the login entry {path}: {why}</source>
        <translation>Der Anmeldeeintrag {path} konnte nicht angelegt werden: {why}</translation>
    </message>
    <message>
        <source>Could not remove the login entry {path}: {why}</source>
        <translation>Der Anmeldeeintrag {path} konnte nicht entfernt werden: {why}</translation>
    </message>
</context>
<context>
    <name>CaptureSign</name>
    <message>
        <source>Shown when the screen is captured</source>
        <translation>Erscheint, wenn der Bildschirm aufgenommen wird</translation>
    </message>
    <message>
        <source>Capture sign</source>
        <translation>Aufnahmehinweis</translation>
    </message>
</context>
<context>
    <name>Cleartext</name>
    <message>
        <source>Not encrypted: {host} receives your key and what you say in clear text, readable on every network in between.</source>
        <translation>Nicht verschlüsselt: {host} erhält Ihren Schlüssel und das Gesagte im Klartext, lesbar in jedem Netz dazwischen.</translation>
    </message>
</context>
<context>
    <name>ConnectionPage</name>
    <message>
        <source>Transport</source>
        <translation>Übertragung</translation>
    </message>
    <message>
        <source>WebSocket</source>
        <translation>WebSocket</translation>
    </message>
    <message>
        <source>Conversations travel over</source>
        <translation>Gespräche laufen über</translation>
    </message>
    <message>
        <source>WebRTC (Opus audio over UDP)</source>
        <translation>WebRTC (Opus-Audio über UDP)</translation>
    </message>
    <message>
        <source>WebRTC sends audio as Opus over UDP: a lost packet costs 20 ms, not a stall; dictation and translation always use the WebSocket</source>
        <translation>WebRTC überträgt Audio als Opus über UDP: ein verlorenes Paket kostet 20 ms statt eines Stillstands; Diktat und Übersetzung nutzen immer den WebSocket</translation>
    </message>
    <message>
        <source>Token server</source>
        <translation>Token-Server</translation>
    </message>
    <message>
        <source>empty: use the API key stored for the endpoint</source>
        <translation>leer: den für den Endpunkt gespeicherten API-Schlüssel verwenden</translation>
    </message>
    <message>
        <source>kept in the system keyring; empty keeps the one stored</source>
        <translation>im Schlüsselbund des Systems gespeichert; leer behält den gespeicherten</translation>
    </message>
    <message>
        <source>Token server URL</source>
        <translation>URL des Token-Servers</translation>
    </message>
    <message>
        <source>Your organisation&apos;s server that hands out short-lived keys</source>
        <translation>Der Server Ihrer Organisation, der kurzlebige Schlüssel ausgibt</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>The header the token server checks, e.g. Authorization</source>
        <translation>Der Header, den der Token-Server prüft, z. B. Authorization</translation>
    </message>
    <message>
        <source>Header value</source>
        <translation>Wert des Headers</translation>
    </message>
    <message>
        <source>Your organisation&apos;s token for that header</source>
        <translation>Das Token Ihrer Organisation für diesen Header</translation>
    </message>
    <message>
        <source>With a token server, the app asks it for a client secret before every connection and never reads a stored API key.</source>
        <translation>Mit einem Token-Server holt die App vor jeder Verbindung ein Client-Secret von ihm und liest nie einen gespeicherten API-Schlüssel.</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>org-...; empty: the key&apos;s default</source>
        <translation>org-...; leer: die Vorgabe des Schlüssels</translation>
    </message>
    <message>
        <source>proj_...; empty: the key&apos;s default</source>
        <translation>proj_...; leer: die Vorgabe des Schlüssels</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Sent as OpenAI-Organization: which organisation the usage is billed to, for a key in several</source>
        <translation>Gesendet als OpenAI-Organization: welcher Organisation die Nutzung berechnet wird, bei einem Schlüssel in mehreren</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>Sent as OpenAI-Project: which project the usage counts against</source>
        <translation>Gesendet als OpenAI-Project: auf welches Projekt die Nutzung angerechnet wird</translation>
    </message>
</context>
<context>
    <name>ConsentBar</name>
    <message>
        <source>Permission request</source>
        <translation>Berechtigungsanfrage</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>Alles zeigen</translation>
    </message>
    <message>
        <source>Show the arguments whole</source>
        <translation>Die Argumente vollständig zeigen</translation>
    </message>
    <message>
        <source>Always allow this tool</source>
        <translation>Dieses Werkzeug immer erlauben</translation>
    </message>
    <message>
        <source>&amp;Allow</source>
        <translation>&amp;Erlauben</translation>
    </message>
    <message>
        <source>&amp;Deny</source>
        <translation>&amp;Ablehnen</translation>
    </message>
    <message>
        <source>Do not ask again for this tool</source>
        <translation>Für dieses Werkzeug nicht mehr fragen</translation>
    </message>
    <message>
        <source>Let the tool run (Alt+A)</source>
        <translation>Das Werkzeug ausführen lassen (Alt+E)</translation>
    </message>
    <message>
        <source>Refuse; the model is told (Alt+D)</source>
        <translation>Ablehnen; das Modell erfährt es (Alt+A)</translation>
    </message>
    <message>
        <source>The assistant wants to use &lt;b&gt;{tool}&lt;/b&gt; on the MCP server &lt;b&gt;{server}&lt;/b&gt;.</source>
        <translation>Der Assistent möchte &lt;b&gt;{tool}&lt;/b&gt; auf dem MCP-Server &lt;b&gt;{server}&lt;/b&gt; verwenden.</translation>
    </message>
    <message>
        <source>The assistant wants to use &lt;b&gt;{tool}&lt;/b&gt;.</source>
        <translation>Der Assistent möchte &lt;b&gt;{tool}&lt;/b&gt; verwenden.</translation>
    </message>
    <message numerus="yes">
        <source>(%n more waiting)</source>
        <translation>
            <numerusform>(%n weitere wartet)</numerusform>
            <numerusform>(%n weitere warten)</numerusform>
        </translation>
    </message>
    <message>
        <source>Always allow {tool}</source>
        <translation>{tool} immer erlauben</translation>
    </message>
    <message>
        <source>{tool} wants permission. Alt+A allows, Alt+D denies.</source>
        <translation>{tool} bittet um Erlaubnis. Alt+E erlaubt, Alt+A lehnt ab.</translation>
    </message>
</context>
<context>
    <name>Controller</name>
    <message>
        <source>Connecting...</source>
        <translation>Verbinde...</translation>
    </message>
    <message>
        <source>Not connected: wait for the connection to talk.</source>
        <translation>Nicht verbunden: zum Sprechen auf die Verbindung warten.</translation>
    </message>
    <message>
        <source>recording: release to send</source>
        <translation>Aufnahme: zum Senden loslassen</translation>
    </message>
    <message>
        <source>Hold the button (or Space) while you talk; a tap is ignored.</source>
        <translation>Die Taste (oder Leertaste) beim Sprechen gedrückt halten; ein kurzes Tippen wird ignoriert.</translation>
    </message>
    <message>
        <source>Not connected: connect first to send a message.</source>
        <translation>Nicht verbunden: zuerst verbinden, um eine Nachricht zu senden.</translation>
    </message>
    <message>
        <source>The new settings apply when you reconnect (Ctrl+K twice).</source>
        <translation>Die neuen Einstellungen gelten nach dem erneuten Verbinden (zweimal Strg+K).</translation>
    </message>
</context>
<context>
    <name>ConversationPane</name>
    <message>
        <source>Type a message and press Enter</source>
        <translation>Nachricht eingeben und Eingabetaste drücken</translation>
    </message>
    <message>
        <source>A message to send as text; Enter sends it</source>
        <translation>Eine Nachricht, die als Text gesendet wird; die Eingabetaste sendet sie</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Nachricht</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Send the typed message</source>
        <translation>Die eingegebene Nachricht senden</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n Min.</numerusform>
            <numerusform>%n Min.</numerusform>
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
        <translation>{label}: der Timer über {length} ist abgelaufen.</translation>
    </message>
    <message>
        <source>Use {model}</source>
        <translation>{model} verwenden</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <source>Voice Assistant {version} is available. {how}.</source>
        <translation>Voice Assistant {version} ist erschienen. {how}.</translation>
    </message>
    <message>
        <source>What is new</source>
        <translation>Was ist neu</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
</context>
<context>
    <name>Counted</name>
    <message numerus="yes">
        <source>Reconnected after %n drop(s); the conversation carries on.</source>
        <translation>
            <numerusform>Nach %n Abbruch wieder verbunden; das Gespräch geht weiter.</numerusform>
            <numerusform>Nach %n Abbrüchen wieder verbunden; das Gespräch geht weiter.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %n oldest items of this long conversation did not fit the new session&apos;s token budget; the model has the rest.</source>
        <translation>
            <numerusform>Der älteste Eintrag dieses langen Gesprächs passte nicht in das Token-Budget der neuen Sitzung; das Modell hat den Rest.</numerusform>
            <numerusform>Die %n ältesten Einträge dieses langen Gesprächs passten nicht in das Token-Budget der neuen Sitzung; das Modell hat den Rest.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>conversation {input} in / {output} out over %n turn(s), {cost}</source>
        <translation>
            <numerusform>Gespräch {input} ein / {output} aus in %n Beitrag, {cost}</numerusform>
            <numerusform>Gespräch {input} ein / {output} aus in %n Beiträgen, {cost}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{model} is retired on {day}, in %n day(s); {replacement} replaces it.</source>
        <translation>
            <numerusform>{model} wird am {day} abgeschaltet, in %n Tag; {replacement} ersetzt es.</numerusform>
            <numerusform>{model} wird am {day} abgeschaltet, in %n Tagen; {replacement} ersetzt es.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DesktopPage</name>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>Low (fewer tokens, 512 px)</source>
        <translation>Niedrig (weniger Tokens, 512 px)</translation>
    </message>
    <message>
        <source>High (small text readable)</source>
        <translation>Hoch (kleine Schrift lesbar)</translation>
    </message>
    <message>
        <source>Keep shown pictures in the history</source>
        <translation>Gezeigte Bilder im Verlauf behalten</translation>
    </message>
    <message>
        <source>Saved beside the history, readable by you alone; off: only a line says one was shown</source>
        <translation>Neben dem Verlauf gespeichert, nur für Sie lesbar; aus: nur eine Zeile vermerkt, dass eines gezeigt wurde</translation>
    </message>
    <message>
        <source>Hold to talk, release to send</source>
        <translation>Zum Sprechen halten, zum Senden loslassen</translation>
    </message>
    <message>
        <source>Press to start, press again to send</source>
        <translation>Drücken zum Starten, erneut drücken zum Senden</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Closing the window keeps the assistant in the tray</source>
        <translation>Beim Schließen des Fensters bleibt der Assistent im Infobereich</translation>
    </message>
    <message>
        <source>Quit from the tray&apos;s menu or with Ctrl+Q</source>
        <translation>Beenden über das Menü im Infobereich oder mit Strg+Q</translation>
    </message>
    <message>
        <source>This desktop shows no tray icons.</source>
        <translation>Diese Arbeitsumgebung zeigt keine Symbole im Infobereich.</translation>
    </message>
    <message>
        <source>Check for updates once a day</source>
        <translation>Einmal am Tag nach Updates sehen</translation>
    </message>
    <message>
        <source>Asks the release feed for the newest version (it learns this version and the OS, nothing else)</source>
        <translation>Fragt den Release-Feed nach der neuesten Version (er erfährt diese Version und das Betriebssystem, sonst nichts)</translation>
    </message>
    <message>
        <source>Start when I log in</source>
        <translation>Bei der Anmeldung starten</translation>
    </message>
    <message>
        <source>Adds the assistant to your desktop&apos;s autostart</source>
        <translation>Fügt den Assistenten dem Autostart Ihrer Arbeitsumgebung hinzu</translation>
    </message>
    <message>
        <source>The system&apos;s language</source>
        <translation>Sprache des Systems</translation>
    </message>
    <message>
        <source>Global shortcut</source>
        <translation>Globales Tastenkürzel</translation>
    </message>
    <message>
        <source>Press the keys to use from every application</source>
        <translation>Die Tasten drücken, die in jeder Anwendung gelten sollen</translation>
    </message>
    <message>
        <source>It works by</source>
        <translation>Bedienung</translation>
    </message>
    <message>
        <source>Hold it while you talk, or press once to start and again to send</source>
        <translation>Beim Sprechen halten, oder einmal zum Starten und erneut zum Senden drücken</translation>
    </message>
    <message>
        <source>Show screen</source>
        <translation>Bildschirm zeigen</translation>
    </message>
    <message>
        <source>The keys that show the assistant your screen from every application; clear it to turn it off</source>
        <translation>Die Tasten, mit denen Sie dem Assistenten aus jeder Anwendung Ihren Bildschirm zeigen; leeren schaltet sie aus</translation>
    </message>
    <message>
        <source>Picture detail</source>
        <translation>Bilddetail</translation>
    </message>
    <message>
        <source>How closely the model looks at a picture (high costs more tokens)</source>
        <translation>Wie genau das Modell ein Bild ansieht (hoch kostet mehr Tokens)</translation>
    </message>
    <message>
        <source>Pictures</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>Tray</source>
        <translation>Infobereich</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>Anmeldung</translation>
    </message>
    <message>
        <source>Updates</source>
        <translation>Updates</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>The window&apos;s language; it takes effect at the next start</source>
        <translation>Die Sprache des Fensters; sie gilt ab dem nächsten Start</translation>
    </message>
</context>
<context>
    <name>DictationView</name>
    <message>
        <source>Dictation: what you say is written here, segment by segment, with when you said it.</source>
        <translation>Diktat: Was Sie sagen, erscheint hier Abschnitt für Abschnitt, mit dem Zeitpunkt.</translation>
    </message>
    <message>
        <source>What you dictated, with when you said each part</source>
        <translation>Was Sie diktiert haben, mit dem Zeitpunkt jedes Teils</translation>
    </message>
    <message>
        <source>Dictated text</source>
        <translation>Diktierter Text</translation>
    </message>
    <message>
        <source>Copy all</source>
        <translation>Alles kopieren</translation>
    </message>
    <message>
        <source>Copy the whole dictation (Ctrl+Shift+C)</source>
        <translation>Das ganze Diktat kopieren (Strg+Umschalt+C)</translation>
    </message>
    <message>
        <source>Save...</source>
        <translation>Speichern...</translation>
    </message>
    <message>
        <source>Save as text, or as SRT subtitles (Ctrl+S)</source>
        <translation>Als Text oder als SRT-Untertitel speichern (Strg+S)</translation>
    </message>
    <message numerus="yes">
        <source>%n segment(s)</source>
        <translation>
            <numerusform>%n Abschnitt</numerusform>
            <numerusform>%n Abschnitte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n word(s)</source>
        <translation>
            <numerusform>%n Wort</numerusform>
            <numerusform>%n Wörter</numerusform>
        </translation>
    </message>
    <message>
        <source>kept in {path}</source>
        <translation>gespeichert in {path}</translation>
    </message>
    <message>
        <source>Save the dictation</source>
        <translation>Das Diktat speichern</translation>
    </message>
    <message>
        <source>Text (*.txt);;Subtitles (*.srt)</source>
        <translation>Text (*.txt);;Untertitel (*.srt)</translation>
    </message>
</context>
<context>
    <name>Echo</name>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>off (Settings)</source>
        <translation>aus (Einstellungen)</translation>
    </message>
    <message>
        <source>off (it needs a microphone and a speaker)</source>
        <translation>aus (sie braucht ein Mikrofon und einen Lautsprecher)</translation>
    </message>
    <message>
        <source>off: &apos;{detail}&apos; looks like headphones (no echo)</source>
        <translation>aus: „{detail}“ sieht nach Kopfhörern aus (kein Echo)</translation>
    </message>
    <message>
        <source>unavailable ({detail}); the echo guard works alone</source>
        <translation>nicht verfügbar ({detail}); der Echoschutz arbeitet allein</translation>
    </message>
    <message>
        <source>stopped ({detail}); the echo guard works alone</source>
        <translation>angehalten ({detail}); der Echoschutz arbeitet allein</translation>
    </message>
    <message>
        <source>on</source>
        <translation>an</translation>
    </message>
    <message>
        <source>on, with noise suppression</source>
        <translation>an, mit Rauschunterdrückung</translation>
    </message>
    <message>
        <source>Echo cancellation: {status}</source>
        <translation>Echounterdrückung: {status}</translation>
    </message>
    <message>
        <source>; resting: no echo comes back in this room (it starts again if one does)</source>
        <translation>; ruht: in diesem Raum kommt kein Echo zurück (sie setzt wieder ein, sobald eins kommt)</translation>
    </message>
    <message>
        <source>; echo removed {db} dB</source>
        <translation>; Echo um {db} dB gemindert</translation>
    </message>
    <message>
        <source>; echo removed {db} dB, but some of this room&apos;s echo gets through it, so the echo guard decides on the plain microphone</source>
        <translation>; Echo um {db} dB gemindert, aber ein Teil des Echos dieses Raums kommt durch, daher entscheidet der Echoschutz am unbearbeiteten Mikrofon</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Something went wrong</source>
        <translation>Etwas ist schiefgegangen</translation>
    </message>
    <message>
        <source>The details are also in the log: {path}</source>
        <translation>Die Einzelheiten stehen auch im Protokoll: {path}</translation>
    </message>
    <message>
        <source>Show details</source>
        <translation>Einzelheiten zeigen</translation>
    </message>
    <message>
        <source>Hide details</source>
        <translation>Einzelheiten verbergen</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Einzelheiten kopieren</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>The technical details of the error</source>
        <translation>Die technischen Einzelheiten des Fehlers</translation>
    </message>
    <message>
        <source>Copy them, to report the problem</source>
        <translation>Kopieren, um das Problem zu melden</translation>
    </message>
    <message>
        <source>Close this message</source>
        <translation>Diese Meldung schließen</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>No system keyring is available on this machine, so the key cannot be saved. Use it for this run only, or set {variable} in the environment.</source>
        <translation>Auf diesem Rechner gibt es keinen Schlüsselbund, daher kann der Schlüssel nicht gespeichert werden. Verwenden Sie ihn nur für diesen Start, oder setzen Sie {variable} in der Umgebung.</translation>
    </message>
    <message>
        <source>The keyring did not answer within {seconds} s.</source>
        <translation>Der Schlüsselbund hat nicht innerhalb von {seconds} s geantwortet.</translation>
    </message>
    <message>
        <source>The keyring could not be asked: {why}</source>
        <translation>Der Schlüsselbund konnte nicht gefragt werden: {why}</translation>
    </message>
    <message>
        <source>The keyring could not be asked: its process gave no answer.</source>
        <translation>Der Schlüsselbund konnte nicht gefragt werden: sein Prozess gab keine Antwort.</translation>
    </message>
    <message>
        <source>The keyring refused to store the key: {why}</source>
        <translation>Der Schlüsselbund hat das Speichern des Schlüssels abgelehnt: {why}</translation>
    </message>
    <message>
        <source>The keyring refused to remove the key: {why}</source>
        <translation>Der Schlüsselbund hat das Entfernen des Schlüssels abgelehnt: {why}</translation>
    </message>
    <message>
        <source>No microphone found.</source>
        <translation>Kein Mikrofon gefunden.</translation>
    </message>
    <message>
        <source>No speaker or headphones found.</source>
        <translation>Keine Lautsprecher oder Kopfhörer gefunden.</translation>
    </message>
    <message>
        <source>The microphone &apos;{device}&apos; was not found.</source>
        <translation>Das Mikrofon „{device}“ wurde nicht gefunden.</translation>
    </message>
    <message>
        <source>The speaker or headphones &apos;{device}&apos; were not found.</source>
        <translation>Die Lautsprecher oder Kopfhörer „{device}“ wurden nicht gefunden.</translation>
    </message>
    <message>
        <source>&apos;{device}&apos; supports none of the usual sample rates.</source>
        <translation>„{device}“ unterstützt keine der üblichen Abtastraten.</translation>
    </message>
    <message>
        <source>The audio system could not start ({why}).</source>
        <translation>Das Audiosystem konnte nicht starten ({why}).</translation>
    </message>
    <message>
        <source>{problem} You can still type messages.</source>
        <translation>{problem} Sie können weiterhin Nachrichten tippen.</translation>
    </message>
    <message>
        <source>{problem} Replies will be shown as text only.</source>
        <translation>{problem} Antworten werden nur als Text gezeigt.</translation>
    </message>
    <message>
        <source>The microphone could not start ({why}). You can still type messages.</source>
        <translation>Das Mikrofon konnte nicht starten ({why}). Sie können weiterhin Nachrichten tippen.</translation>
    </message>
    <message>
        <source>The speaker could not start ({why}). Replies will be shown as text only.</source>
        <translation>Der Lautsprecher konnte nicht starten ({why}). Antworten werden nur als Text gezeigt.</translation>
    </message>
    <message>
        <source>Cannot open the microphone &apos;{device}&apos;: {why}.</source>
        <translation>Das Mikrofon „{device}“ lässt sich nicht öffnen: {why}.</translation>
    </message>
    <message>
        <source>Cannot open the speaker &apos;{device}&apos;: {why}.</source>
        <translation>Der Lautsprecher „{device}“ lässt sich nicht öffnen: {why}.</translation>
    </message>
    <message>
        <source>No API key is set. Add one in Settings, or try the offline demo.</source>
        <translation>Kein API-Schlüssel gesetzt. Fügen Sie einen in den Einstellungen hinzu oder probieren Sie die Offline-Demo.</translation>
    </message>
    <message>
        <source>The server at {endpoint} rejected the API key (HTTP {status}).</source>
        <translation>Der Server unter {endpoint} hat den API-Schlüssel abgelehnt (HTTP {status}).</translation>
    </message>
    <message>
        <source>The server at {endpoint} refused the client secret from the token server (HTTP {status}); it may have expired.</source>
        <translation>Der Server unter {endpoint} hat das Client-Secret vom Token-Server abgelehnt (HTTP {status}); es ist vielleicht abgelaufen.</translation>
    </message>
    <message>
        <source>The token server at {endpoint} refused this app (HTTP {status}). Check the header your organisation gave you in the settings.</source>
        <translation>Der Token-Server unter {endpoint} hat diese App abgelehnt (HTTP {status}). Prüfen Sie in den Einstellungen den Header, den Ihre Organisation Ihnen gegeben hat.</translation>
    </message>
    <message>
        <source>The token server at {endpoint} could not hand out a client secret (HTTP {status}).</source>
        <translation>Der Token-Server unter {endpoint} konnte kein Client-Secret ausgeben (HTTP {status}).</translation>
    </message>
    <message>
        <source>The token server at {endpoint} handed out a client secret that had already expired; check both machines&apos; clocks.</source>
        <translation>Der Token-Server unter {endpoint} hat ein bereits abgelaufenes Client-Secret ausgegeben; prüfen Sie die Uhren beider Rechner.</translation>
    </message>
    <message>
        <source>The token server at {endpoint} answered without a client secret.</source>
        <translation>Der Token-Server unter {endpoint} hat ohne Client-Secret geantwortet.</translation>
    </message>
    <message>
        <source>Cannot reach {endpoint}: {reason}.</source>
        <translation>{endpoint} ist nicht erreichbar: {reason}.</translation>
    </message>
    <message>
        <source>The server at {endpoint} refused the connection (HTTP {status}).</source>
        <translation>Der Server unter {endpoint} hat die Verbindung abgelehnt (HTTP {status}).</translation>
    </message>
    <message>
        <source>{endpoint} no longer speaks the beta Realtime protocol; switch the dialect to GA in Settings.</source>
        <translation>{endpoint} spricht das Beta-Realtime-Protokoll nicht mehr; stellen Sie den Dialekt in den Einstellungen auf GA.</translation>
    </message>
    <message>
        <source>{endpoint} does not serve this model: {message}</source>
        <translation>{endpoint} bietet dieses Modell nicht an: {message}</translation>
    </message>
    <message>
        <source>{endpoint} refused the account: {message}. Check the key and billing, then connect again.</source>
        <translation>{endpoint} hat das Konto abgelehnt: {message}. Prüfen Sie Schlüssel und Abrechnung und verbinden Sie dann erneut.</translation>
    </message>
    <message>
        <source>{where} sent more than any real session does (a message too large, or messages faster than they can be read); the connection was closed.</source>
        <translation>{where} hat mehr gesendet, als eine echte Sitzung je sendet (eine zu große Nachricht oder Nachrichten schneller, als sie gelesen werden können); die Verbindung wurde geschlossen.</translation>
    </message>
    <message>
        <source>{where} ended the session at its time limit.</source>
        <translation>{where} hat die Sitzung am Zeitlimit beendet.</translation>
    </message>
    <message>
        <source>The connection to {where} was lost (code {close_code}: {why}).</source>
        <translation>Die Verbindung zu {where} ist abgebrochen (Code {close_code}: {why}).</translation>
    </message>
    <message>
        <source>The connection to {where} was lost (code {close_code}).</source>
        <translation>Die Verbindung zu {where} ist abgebrochen (Code {close_code}).</translation>
    </message>
    <message>
        <source>The connection to {where} was lost.</source>
        <translation>Die Verbindung zu {where} ist abgebrochen.</translation>
    </message>
    <message>
        <source>Not connected: {host} is not encrypted (ws:// or http://), and your key is not sent in clear text without your yes. Use wss:// or https://, or connect again and allow it for this host.</source>
        <translation>Nicht verbunden: {host} ist nicht verschlüsselt (ws:// oder http://), und Ihr Schlüssel wird ohne Ihr Ja nicht im Klartext gesendet. Verwenden Sie wss:// oder https://, oder verbinden Sie erneut und erlauben Sie es für diesen Host.</translation>
    </message>
    <message>
        <source>Stopped reconnecting: {tries} tries in the last hour failed or were dropped at once. Press Connect to try again.</source>
        <translation>Keine weiteren Verbindungsversuche: {tries} Versuche in der letzten Stunde schlugen fehl oder wurden sofort getrennt. Drücken Sie „Verbinden“, um es erneut zu versuchen.</translation>
    </message>
    <message>
        <source>&apos;{url}&apos; is not a ws://, wss:// or https:// URL.</source>
        <translation>„{url}“ ist keine ws://-, wss://- oder https://-URL.</translation>
    </message>
    <message>
        <source>{where} did not start a session in time.</source>
        <translation>{where} hat nicht rechtzeitig eine Sitzung begonnen.</translation>
    </message>
    <message>
        <source>Not connected.</source>
        <translation>Nicht verbunden.</translation>
    </message>
    <message>
        <source>The connection failed unexpectedly; see the log.</source>
        <translation>Die Verbindung ist unerwartet fehlgeschlagen; siehe Protokoll.</translation>
    </message>
    <message>
        <source>The session was closed.</source>
        <translation>Die Sitzung wurde beendet.</translation>
    </message>
    <message>
        <source>&apos;{url}&apos; is not a valid WebSocket URL.</source>
        <translation>„{url}“ ist keine gültige WebSocket-URL.</translation>
    </message>
    <message>
        <source>&apos;{url}&apos; is not an http:// or https:// URL.</source>
        <translation>&apos;{url}&apos; ist keine http://- oder https://-URL.</translation>
    </message>
    <message>
        <source>no answer in time</source>
        <translation>keine Antwort in der Zeit</translation>
    </message>
    <message>
        <source>the connection was refused</source>
        <translation>die Verbindung wurde abgelehnt</translation>
    </message>
    <message>
        <source>the host name could not be resolved</source>
        <translation>der Hostname ließ sich nicht auflösen</translation>
    </message>
    <message>
        <source>The history file {path} is from a newer version of the app; it was left as it is, and this run&apos;s conversation is not saved.</source>
        <translation>Die Verlaufsdatei {path} stammt von einer neueren Version der App; sie bleibt unverändert, und das Gespräch dieses Starts wird nicht gespeichert.</translation>
    </message>
    <message>
        <source>The history is in use by another copy of the app; this run&apos;s conversation is not saved.</source>
        <translation>Der Verlauf wird von einer anderen Kopie der App benutzt; das Gespräch dieses Starts wird nicht gespeichert.</translation>
    </message>
    <message>
        <source>The history at {path} cannot be used now ({why}); it was left as it is, and this run&apos;s conversation is not saved.</source>
        <translation>Der Verlauf unter {path} ist gerade nicht nutzbar ({why}); er bleibt unverändert, und das Gespräch dieser Sitzung wird nicht gespeichert.</translation>
    </message>
    <message>
        <source>The history at {path} cannot be used ({why}); this run&apos;s conversation is not saved.</source>
        <translation>Der Verlauf unter {path} ist nicht nutzbar ({why}); das Gespräch dieses Starts wird nicht gespeichert.</translation>
    </message>
    <message>
        <source>The history file was damaged; it was moved to {name} and a new one started.</source>
        <translation>Die Verlaufsdatei war beschädigt; sie wurde nach {name} verschoben und eine neue begonnen.</translation>
    </message>
    <message>
        <source>The history file is damaged; it will be set aside and a new one started the next time the app starts.</source>
        <translation>Die Verlaufsdatei ist beschädigt; beim nächsten Start wird sie beiseitegelegt und eine neue begonnen.</translation>
    </message>
    <message>
        <source>the call was not connected in time</source>
        <translation>der Anruf wurde nicht rechtzeitig verbunden</translation>
    </message>
    <message>
        <source>the server&apos;s SDP answer could not be used</source>
        <translation>die SDP-Antwort des Servers war nicht verwendbar</translation>
    </message>
</context>
<context>
    <name>EventInspector</name>
    <message>
        <source>Echo cancellation</source>
        <translation>Echounterdrückung</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Every event sent (↑) and received (↓), newest last</source>
        <translation>Jedes gesendete (↑) und empfangene (↓) Ereignis, das neueste zuletzt</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>Select an event to see its JSON.</source>
        <translation>Ein Ereignis wählen, um sein JSON zu sehen.</translation>
    </message>
    <message>
        <source>The selected event&apos;s JSON</source>
        <translation>Das JSON des gewählten Ereignisses</translation>
    </message>
    <message>
        <source>Event details</source>
        <translation>Ereignisdetails</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>Forget the events shown so far</source>
        <translation>Die bisher gezeigten Ereignisse vergessen</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <source>cost unknown</source>
        <translation>Kosten unbekannt</translation>
    </message>
</context>
<context>
    <name>GeneralPage</name>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>Change key...</source>
        <translation>Schlüssel ändern...</translation>
    </message>
    <message>
        <source>Remove key</source>
        <translation>Schlüssel entfernen</translation>
    </message>
    <message>
        <source>Enter another API key for this endpoint</source>
        <translation>Einen anderen API-Schlüssel für diesen Endpunkt eingeben</translation>
    </message>
    <message>
        <source>Delete this endpoint&apos;s key from the system keyring</source>
        <translation>Den Schlüssel dieses Endpunkts aus dem Schlüsselbund des Systems löschen</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>Basis-URL</translation>
    </message>
    <message>
        <source>Where the Realtime API is: OpenAI, Azure or a compatible server</source>
        <translation>Wo die Realtime-API ist: OpenAI, Azure oder ein kompatibler Server</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Authentifizierung</translation>
    </message>
    <message>
        <source>How the key is sent: OpenAI uses Bearer, Azure an api-key header</source>
        <translation>Wie der Schlüssel gesendet wird: OpenAI nutzt Bearer, Azure einen api-key-Header</translation>
    </message>
    <message>
        <source>Dialect</source>
        <translation>Dialekt</translation>
    </message>
    <message>
        <source>GA for today&apos;s API; Beta for endpoints that still speak it</source>
        <translation>GA für die heutige API; Beta für Endpunkte, die sie noch sprechen</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>The realtime model (on Azure: the deployment&apos;s name)</source>
        <translation>Das Realtime-Modell (bei Azure: der Name der Bereitstellung)</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Gespräch</translation>
    </message>
    <message>
        <source>Several tools at once</source>
        <translation>Mehrere Werkzeuge gleichzeitig</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>Anweisungen</translation>
    </message>
    <message>
        <source>What the model is told about how to behave</source>
        <translation>Was dem Modell über sein Verhalten gesagt wird</translation>
    </message>
    <message>
        <source>Reasoning effort</source>
        <translation>Denkaufwand</translation>
    </message>
    <message>
        <source>How much a reasoning model (gpt-realtime-2 and later) thinks before it answers; auto leaves it to the model. Other models are not told.</source>
        <translation>Wie viel ein denkendes Modell (gpt-realtime-2 und neuer) überlegt, bevor es antwortet; „auto“ überlässt es dem Modell. Andere Modelle erfahren davon nichts.</translation>
    </message>
    <message>
        <source>Tool calls</source>
        <translation>Werkzeugaufrufe</translation>
    </message>
    <message>
        <source>A reasoning model may call several tools at once</source>
        <translation>Ein denkendes Modell darf mehrere Werkzeuge gleichzeitig aufrufen</translation>
    </message>
    <message>
        <source>Turn detection</source>
        <translation>Erkennung des Sprecherwechsels</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <source>Push-to-talk, or let the server hear when you stop</source>
        <translation>Sprechtaste, oder der Server hört, wann Sie aufhören</translation>
    </message>
    <message>
        <source>Threshold (server VAD)</source>
        <translation>Schwelle (Server-VAD)</translation>
    </message>
    <message>
        <source>How loud speech must be; higher ignores more noise</source>
        <translation>Wie laut Sprache sein muss; höher ignoriert mehr Geräusche</translation>
    </message>
    <message>
        <source>Silence before a reply</source>
        <translation>Stille vor einer Antwort</translation>
    </message>
    <message>
        <source>How long a pause ends your turn</source>
        <translation>Wie lange Pause Ihren Beitrag beendet</translation>
    </message>
    <message>
        <source>Audio kept before speech</source>
        <translation>Audio vor dem Sprechen behalten</translation>
    </message>
    <message>
        <source>Sound from just before you spoke, so the first word is whole</source>
        <translation>Ton von kurz vor dem Sprechen, damit das erste Wort vollständig ist</translation>
    </message>
    <message>
        <source>Eagerness (semantic VAD)</source>
        <translation>Eifer (semantische VAD)</translation>
    </message>
    <message>
        <source>How soon the model answers: low waits longer</source>
        <translation>Wie bald das Modell antwortet: niedrig wartet länger</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>Audio</translation>
    </message>
    <message>
        <source>Re-scan devices</source>
        <translation>Geräte neu suchen</translation>
    </message>
    <message>
        <source>Look again for microphones and speakers</source>
        <translation>Erneut nach Mikrofonen und Lautsprechern suchen</translation>
    </message>
    <message>
        <source>Also remove steady noise (fans, hum) on this computer</source>
        <translation>Auch gleichmäßige Geräusche (Lüfter, Brummen) auf diesem Rechner entfernen</translation>
    </message>
    <message>
        <source>WebRTC&apos;s noise suppression, before the audio is sent</source>
        <translation>Die Rauschunterdrückung von WebRTC, bevor das Audio gesendet wird</translation>
    </message>
    <message>
        <source>Echo guard: don&apos;t let the assistant hear itself on speakers</source>
        <translation>Echoschutz: den Assistenten sich über Lautsprecher nicht selbst hören lassen</translation>
    </message>
    <message>
        <source>Ignore the microphone while it only hears the assistant&apos;s own voice</source>
        <translation>Das Mikrofon ignorieren, solange es nur die Stimme des Assistenten hört</translation>
    </message>
    <message>
        <source>Microphone</source>
        <translation>Mikrofon</translation>
    </message>
    <message>
        <source>The microphone to use</source>
        <translation>Das zu verwendende Mikrofon</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Lautsprecher</translation>
    </message>
    <message>
        <source>Where the assistant speaks</source>
        <translation>Wo der Assistent spricht</translation>
    </message>
    <message>
        <source>Echo cancellation</source>
        <translation>Echounterdrückung</translation>
    </message>
    <message>
        <source>Take the assistant&apos;s voice out of the microphone, so you can talk over it on speakers</source>
        <translation>Die Stimme des Assistenten aus dem Mikrofon entfernen, damit Sie ihn über Lautsprecher unterbrechen können</translation>
    </message>
    <message>
        <source>{device} (not connected)</source>
        <translation>{device} (nicht angeschlossen)</translation>
    </message>
</context>
<context>
    <name>GlobalActionKey</name>
    <message>
        <source>No shortcut: the Show button and the window&apos;s key still work.</source>
        <translation>Kein Kürzel: Die Schaltfläche „Zeigen“ und die Taste im Fenster funktionieren weiterhin.</translation>
    </message>
    <message>
        <source>{shortcut} works in every application.</source>
        <translation>{shortcut} funktioniert in jeder Anwendung.</translation>
    </message>
</context>
<context>
    <name>GlobalShortcut</name>
    <message>
        <source>A global shortcut is not available on this display ({display}); the Space bar works in the window.</source>
        <translation>Auf dieser Anzeige ({display}) gibt es kein globales Tastenkürzel; die Leertaste funktioniert im Fenster.</translation>
    </message>
</context>
<context>
    <name>GlobalTalkKey</name>
    <message>
        <source>The global shortcut is off.</source>
        <translation>Das globale Tastenkürzel ist aus.</translation>
    </message>
    <message>
        <source>{shortcut} works in every application: hold it to talk.</source>
        <translation>{shortcut} funktioniert in jeder Anwendung: zum Sprechen halten.</translation>
    </message>
    <message>
        <source>{shortcut} works in every application: press it to start and again to send.</source>
        <translation>{shortcut} funktioniert in jeder Anwendung: drücken zum Starten, erneut zum Senden.</translation>
    </message>
    <message>
        <source>Hold {shortcut} to talk from any application</source>
        <translation>{shortcut} halten, um aus jeder Anwendung zu sprechen</translation>
    </message>
    <message>
        <source>Press {shortcut} to talk from any application</source>
        <translation>{shortcut} drücken, um aus jeder Anwendung zu sprechen</translation>
    </message>
</context>
<context>
    <name>Handlers</name>
    <message>
        <source>talk over it or press Esc to interrupt</source>
        <translation>hineinsprechen oder Esc drücken, um zu unterbrechen</translation>
    </message>
    <message>
        <source>hearing you</source>
        <translation>hört zu</translation>
    </message>
    <message>
        <source>You were quiet for a while: the assistant checks whether you are still there.</source>
        <translation>Sie waren eine Weile still: Der Assistent fragt nach, ob Sie noch da sind.</translation>
    </message>
    <message>
        <source>not written down: {why}</source>
        <translation>nicht mitgeschrieben: {why}</translation>
    </message>
    <message>
        <source>Interrupted at {seconds} s of the reply.</source>
        <translation>Bei {seconds} s der Antwort unterbrochen.</translation>
    </message>
    <message>
        <source>writing it down</source>
        <translation>schreibt mit</translation>
    </message>
    <message>
        <source>A segment could not be transcribed</source>
        <translation>Ein Abschnitt konnte nicht transkribiert werden</translation>
    </message>
    <message>
        <source>The translation session was closed.</source>
        <translation>Die Übersetzungssitzung wurde beendet.</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>The conversation could not be saved to the history ({why}).</source>
        <translation>Das Gespräch konnte nicht im Verlauf gespeichert werden ({why}).</translation>
    </message>
</context>
<context>
    <name>HistoryBrowser</name>
    <message>
        <source>The history could not be read ({why}).</source>
        <translation>Der Verlauf konnte nicht gelesen werden ({why}).</translation>
    </message>
    <message numerus="yes">
        <source>%n reply(-ies)</source>
        <translation>
            <numerusform>%n Antwort</numerusform>
            <numerusform>%n Antworten</numerusform>
        </translation>
    </message>
    <message>
        <source>The conversation could not be read ({why}).</source>
        <translation>Das Gespräch konnte nicht gelesen werden ({why}).</translation>
    </message>
    <message>
        <source>The conversation could not be deleted ({why}).</source>
        <translation>Das Gespräch konnte nicht gelöscht werden ({why}).</translation>
    </message>
    <message>
        <source>Conversation deleted.</source>
        <translation>Gespräch gelöscht.</translation>
    </message>
    <message>
        <source>That conversation is no longer in the history.</source>
        <translation>Dieses Gespräch ist nicht mehr im Verlauf.</translation>
    </message>
    <message>
        <source>Could not export to {path}: {why}.</source>
        <translation>Export nach {path} fehlgeschlagen: {why}.</translation>
    </message>
    <message>
        <source>Exported to {path}.</source>
        <translation>Nach {path} exportiert.</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Search past conversations</source>
        <translation>Frühere Gespräche durchsuchen</translation>
    </message>
    <message>
        <source>Find conversations by the words in them</source>
        <translation>Gespräche anhand ihrer Wörter finden</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suche</translation>
    </message>
    <message>
        <source>Newest first; Enter continues the selected one</source>
        <translation>Neueste zuerst; die Eingabetaste setzt das gewählte fort</translation>
    </message>
    <message>
        <source>Past conversations</source>
        <translation>Frühere Gespräche</translation>
    </message>
    <message>
        <source>Select a conversation to read it.</source>
        <translation>Ein Gespräch wählen, um es zu lesen.</translation>
    </message>
    <message>
        <source>The selected conversation&apos;s text</source>
        <translation>Der Text des gewählten Gesprächs</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Gespräch</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Export...</source>
        <translation>Exportieren...</translation>
    </message>
    <message>
        <source>Start a new conversation (Ctrl+N)</source>
        <translation>Ein neues Gespräch beginnen (Strg+N)</translation>
    </message>
    <message>
        <source>Carry on this conversation: the model gets it back</source>
        <translation>Dieses Gespräch fortsetzen: das Modell bekommt es zurück</translation>
    </message>
    <message>
        <source>Delete the selected conversation</source>
        <translation>Das gewählte Gespräch löschen</translation>
    </message>
    <message>
        <source>Save it as Markdown or JSON</source>
        <translation>Als Markdown oder JSON speichern</translation>
    </message>
    <message>
        <source>Delete conversation</source>
        <translation>Gespräch löschen</translation>
    </message>
    <message>
        <source>Delete this conversation from the history? This cannot be undone.</source>
        <translation>Dieses Gespräch aus dem Verlauf löschen? Das lässt sich nicht rückgängig machen.</translation>
    </message>
    <message>
        <source>Export conversation</source>
        <translation>Gespräch exportieren</translation>
    </message>
</context>
<context>
    <name>InterpreterLog</name>
    <message>
        <source>What was said:</source>
        <translation>Was gesagt wurde:</translation>
    </message>
    <message>
        <source>Translation ({language}):</source>
        <translation>Übersetzung ({language}):</translation>
    </message>
</context>
<context>
    <name>InterpreterView</name>
    <message>
        <source>The words the interpreter heard</source>
        <translation>Die Wörter, die der Dolmetscher gehört hat</translation>
    </message>
    <message>
        <source>What you said</source>
        <translation>Was Sie gesagt haben</translation>
    </message>
    <message>
        <source>The interpreter&apos;s words, as it speaks them</source>
        <translation>Die Worte des Dolmetschers, während er sie spricht</translation>
    </message>
    <message>
        <source>The translation</source>
        <translation>Die Übersetzung</translation>
    </message>
    <message>
        <source>Speak: what you say appears here...</source>
        <translation>Sprechen Sie: Was Sie sagen, erscheint hier...</translation>
    </message>
    <message>
        <source>...and its translation here, spoken aloud.</source>
        <translation>...und seine Übersetzung hier, laut gesprochen.</translation>
    </message>
    <message>
        <source>Save...</source>
        <translation>Speichern...</translation>
    </message>
    <message>
        <source>Save both sides as text (Ctrl+S)</source>
        <translation>Beide Seiten als Text speichern (Strg+S)</translation>
    </message>
    <message>
        <source>Translation ({language})</source>
        <translation>Übersetzung ({language})</translation>
    </message>
    <message>
        <source>Kept in {path}</source>
        <translation>Gespeichert in {path}</translation>
    </message>
    <message>
        <source>Save the translation</source>
        <translation>Die Übersetzung speichern</translation>
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
        <translation>{name} konnte nicht gespeichert werden: {why}.</translation>
    </message>
</context>
<context>
    <name>KeyActions</name>
    <message>
        <source>Connected to {endpoint}.</source>
        <translation>Verbunden mit {endpoint}.</translation>
    </message>
    <message>
        <source>The key is stored in the system keyring.</source>
        <translation>Der Schlüssel ist im Schlüsselbund des Systems gespeichert.</translation>
    </message>
</context>
<context>
    <name>KeyDialog</name>
    <message>
        <source>OpenAI API key</source>
        <translation>OpenAI-API-Schlüssel</translation>
    </message>
    <message>
        <source>Paste an API key to talk to a Realtime model. It is kept in your system keyring, never in a file.</source>
        <translation>Fügen Sie einen API-Schlüssel ein, um mit einem Realtime-Modell zu sprechen. Er wird im Schlüsselbund Ihres Systems aufbewahrt, nie in einer Datei.</translation>
    </message>
    <message>
        <source>Your OpenAI API key, starting with sk-</source>
        <translation>Ihr OpenAI-API-Schlüssel, beginnend mit sk-</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Zeigen</translation>
    </message>
    <message>
        <source>Show the key as you type it</source>
        <translation>Den Schlüssel beim Eingeben zeigen</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Verbindung testen</translation>
    </message>
    <message>
        <source>Save key</source>
        <translation>Schlüssel speichern</translation>
    </message>
    <message>
        <source>Use for this run</source>
        <translation>Nur für diesen Start verwenden</translation>
    </message>
    <message>
        <source>Try the offline demo</source>
        <translation>Die Offline-Demo ausprobieren</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Check the key against the endpoint</source>
        <translation>Den Schlüssel am Endpunkt prüfen</translation>
    </message>
    <message>
        <source>Keep the key and connect</source>
        <translation>Den Schlüssel behalten und verbinden</translation>
    </message>
    <message>
        <source>Use the embedded offline server instead</source>
        <translation>Stattdessen den eingebauten Offline-Server verwenden</translation>
    </message>
    <message>
        <source>Close without changing the key</source>
        <translation>Schließen, ohne den Schlüssel zu ändern</translation>
    </message>
    <message>
        <source>Paste a key first.</source>
        <translation>Zuerst einen Schlüssel einfügen.</translation>
    </message>
    <message>
        <source>Testing...</source>
        <translation>Teste...</translation>
    </message>
</context>
<context>
    <name>LevelMeter</name>
    <message>
        <source>{label} level</source>
        <translation>Pegel {label}</translation>
    </message>
</context>
<context>
    <name>LocalMcpPage</name>
    <message>
        <source>Server and its tools</source>
        <translation>Server und seine Werkzeuge</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Your MCP servers; the switch of a server turns it on, the switch of a tool lets the model use it</source>
        <translation>Ihre MCP-Server; der Schalter eines Servers schaltet ihn ein, der Schalter eines Werkzeugs lässt das Modell es benutzen</translation>
    </message>
    <message>
        <source>My MCP servers</source>
        <translation>Meine MCP-Server</translation>
    </message>
    <message>
        <source>The app whose MCP servers to import</source>
        <translation>Die App, deren MCP-Server übernommen werden</translation>
    </message>
    <message>
        <source>Import servers</source>
        <translation>Server übernehmen</translation>
    </message>
    <message>
        <source>Adds that app&apos;s servers here, turned off</source>
        <translation>Fügt die Server dieser App hier hinzu, ausgeschaltet</translation>
    </message>
    <message>
        <source>Read mcp.json again</source>
        <translation>mcp.json neu lesen</translation>
    </message>
    <message>
        <source>Restarts the servers from the file as it is now</source>
        <translation>Startet die Server aus der Datei, wie sie jetzt ist, neu</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>name, as in ${keyring:name}</source>
        <translation>Name, wie in ${keyring:name}</translation>
    </message>
    <message>
        <source>The name mcp.json gives the secret</source>
        <translation>Der Name, den mcp.json dem Geheimnis gibt</translation>
    </message>
    <message>
        <source>Secret name</source>
        <translation>Name des Geheimnisses</translation>
    </message>
    <message>
        <source>secret</source>
        <translation>Geheimnis</translation>
    </message>
    <message>
        <source>Kept in the system keyring, never in mcp.json</source>
        <translation>Im Schlüsselbund des Systems verwahrt, nie in mcp.json</translation>
    </message>
    <message>
        <source>Secret value</source>
        <translation>Geheimer Wert</translation>
    </message>
    <message>
        <source>Keep in keyring</source>
        <translation>Im Schlüsselbund verwahren</translation>
    </message>
    <message>
        <source>Stores the secret for mcp.json to name</source>
        <translation>Verwahrt das Geheimnis, damit mcp.json es nennen kann</translation>
    </message>
    <message>
        <source>No MCP servers in this window.</source>
        <translation>Keine MCP-Server in diesem Fenster.</translation>
    </message>
    <message>
        <source>Servers are read from {path}.</source>
        <translation>Die Server werden aus {path} gelesen.</translation>
    </message>
    <message>
        <source>mcp.json, {problem}</source>
        <translation>mcp.json, {problem}</translation>
    </message>
    <message>
        <source>No servers yet: import them, or write mcp.json (the README shows an example).</source>
        <translation>Noch keine Server: übernehmen Sie sie oder schreiben Sie mcp.json (das README zeigt ein Beispiel).</translation>
    </message>
    <message>
        <source>starting...</source>
        <translation>startet...</translation>
    </message>
    <message numerus="yes">
        <source>ready with %n tool(s)</source>
        <translation>
            <numerusform>bereit mit %n Werkzeug</numerusform>
            <numerusform>bereit mit %n Werkzeugen</numerusform>
        </translation>
    </message>
    <message>
        <source>restarting: {why}</source>
        <translation>startet neu: {why}</translation>
    </message>
    <message>
        <source>failed: {why}</source>
        <translation>fehlgeschlagen: {why}</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>beendet</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>{name} is on.</source>
        <translation>{name} ist eingeschaltet.</translation>
    </message>
    <message>
        <source>{name} is off.</source>
        <translation>{name} ist ausgeschaltet.</translation>
    </message>
    <message>
        <source>mcp.json was read again.</source>
        <translation>mcp.json wurde neu gelesen.</translation>
    </message>
    <message>
        <source>A secret needs a name and a value.</source>
        <translation>Ein Geheimnis braucht einen Namen und einen Wert.</translation>
    </message>
    <message>
        <source>Kept in the keyring; mcp.json can name it as ${{keyring:{name}}}.</source>
        <translation>Im Schlüsselbund verwahrt; mcp.json kann es als ${{keyring:{name}}} nennen.</translation>
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
        <translation>Nichts übernommen: {why}</translation>
    </message>
    <message>
        <source>{source} has no server that is not here already.</source>
        <translation>{source} hat keinen Server, der nicht schon hier ist.</translation>
    </message>
    <message>
        <source>Imported from {source}, turned off: {names}.</source>
        <translation>Aus {source} übernommen, ausgeschaltet: {names}.</translation>
    </message>
    <message>
        <source>MCP server {name} could not start: {why}</source>
        <translation>Der MCP-Server {name} konnte nicht starten: {why}</translation>
    </message>
</context>
<context>
    <name>MacShortcut</name>
    <message>
        <source>This keyboard has no key “{key}”.</source>
        <translation>Diese Tastatur hat keine Taste „{key}“.</translation>
    </message>
    <message>
        <source>macOS lets the app hear the shortcut once you allow it: System Settings, Privacy &amp; Security, Accessibility.</source>
        <translation>macOS lässt die App das Tastenkürzel hören, sobald Sie es erlauben: Systemeinstellungen, Datenschutz &amp; Sicherheit, Bedienungshilfen.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Voice Assistant</source>
        <translation>Sprachassistent</translation>
    </message>
    <message>
        <source>Disconnected: press Connect (Ctrl+K).</source>
        <translation>Getrennt: Verbinden drücken (Strg+K).</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>Talk with the model, dictate, or have what you say translated aloud (Ctrl+1, 2, 3)</source>
        <translation>Mit dem Modell sprechen, diktieren oder das Gesagte laut übersetzen lassen (Strg+1, 2, 3)</translation>
    </message>
    <message>
        <source>Session mode</source>
        <translation>Sitzungsart</translation>
    </message>
    <message>
        <source>How a turn ends: on release, or when the server hears you stop</source>
        <translation>Wie ein Beitrag endet: beim Loslassen oder wenn der Server hört, dass Sie aufhören</translation>
    </message>
    <message>
        <source>Turn mode</source>
        <translation>Sprecherwechsel</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Ereignisse</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Connect to the endpoint, or disconnect (Ctrl+K)</source>
        <translation>Mit dem Endpunkt verbinden oder trennen (Strg+K)</translation>
    </message>
    <message>
        <source>Endpoint, voice, devices, tools, desktop (Ctrl+,)</source>
        <translation>Endpunkt, Stimme, Geräte, Werkzeuge, Arbeitsumgebung (Strg+,)</translation>
    </message>
    <message>
        <source>Every event sent and received (Ctrl+I)</source>
        <translation>Jedes gesendete und empfangene Ereignis (Strg+I)</translation>
    </message>
    <message>
        <source>Past conversations (Ctrl+H)</source>
        <translation>Frühere Gespräche (Strg+H)</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Trennen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Offline demo&lt;/b&gt;: replies come from the embedded server, not a model. &lt;a href=&apos;key&apos;&gt;Add an API key...&lt;/a&gt;</source>
        <translation>&lt;b&gt;Offline-Demo&lt;/b&gt;: Die Antworten kommen vom eingebauten Server, nicht von einem Modell. &lt;a href=&apos;key&apos;&gt;API-Schlüssel hinzufügen...&lt;/a&gt;</translation>
    </message>
</context>
<context>
    <name>ModeViews</name>
    <message>
        <source>Saved {name}.</source>
        <translation>{name} gespeichert.</translation>
    </message>
</context>
<context>
    <name>ModelNotice</name>
    <message>
        <source>{model} was retired on {day}: the service no longer answers to it. {replacement} replaces it.</source>
        <translation>{model} wurde am {day} abgeschaltet: Der Dienst antwortet darauf nicht mehr. {replacement} ersetzt es.</translation>
    </message>
    <message>
        <source>The service does not serve {model} to this key; {replacement} is the current model.</source>
        <translation>Der Dienst bietet {model} für diesen Schlüssel nicht an; {replacement} ist das aktuelle Modell.</translation>
    </message>
</context>
<context>
    <name>Notices</name>
    <message>
        <source>What you were saying was not sent; please say it again.</source>
        <translation>Was Sie gerade sagten, wurde nicht gesendet; bitte noch einmal sagen.</translation>
    </message>
    <message>
        <source>The reply in progress was lost.</source>
        <translation>Die laufende Antwort ging verloren.</translation>
    </message>
    <message>
        <source>— A new session (the time limit); the conversation carries on —</source>
        <translation>— Eine neue Sitzung (das Zeitlimit); das Gespräch geht weiter —</translation>
    </message>
    <message>
        <source>hold Space or the button to dictate</source>
        <translation>Leertaste oder Taste zum Diktieren halten</translation>
    </message>
    <message>
        <source>speak: it is written down</source>
        <translation>sprechen: es wird mitgeschrieben</translation>
    </message>
    <message>
        <source>hold Space or the button to speak</source>
        <translation>Leertaste oder Taste zum Sprechen halten</translation>
    </message>
    <message>
        <source>speak: it is translated aloud</source>
        <translation>sprechen: es wird laut übersetzt</translation>
    </message>
    <message>
        <source>hold Space or the button to talk</source>
        <translation>Leertaste oder Taste zum Sprechen halten</translation>
    </message>
    <message>
        <source>talk any time</source>
        <translation>jederzeit sprechen</translation>
    </message>
</context>
<context>
    <name>PictureDesk</name>
    <message>
        <source>That picture is no longer at hand.</source>
        <translation>Dieses Bild ist nicht mehr verfügbar.</translation>
    </message>
</context>
<context>
    <name>PictureViewer</name>
    <message>
        <source>Picture</source>
        <translation>Bild</translation>
    </message>
    <message>
        <source>The picture at its full size</source>
        <translation>Das Bild in voller Größe</translation>
    </message>
    <message>
        <source>Show it again</source>
        <translation>Erneut zeigen</translation>
    </message>
    <message>
        <source>Send this picture to the assistant once more</source>
        <translation>Dieses Bild dem Assistenten noch einmal senden</translation>
    </message>
    <message>
        <source>Close the picture, or show it again</source>
        <translation>Das Bild schließen oder erneut zeigen</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>Aktionen</translation>
    </message>
</context>
<context>
    <name>Pictures</name>
    <message>
        <source>The picture is too large ({mb} MB); the limit is {limit} MB.</source>
        <translation>Das Bild ist zu groß ({mb} MB); die Grenze liegt bei {limit} MB.</translation>
    </message>
    <message>
        <source>The picture is too large ({width} × {height} pixels).</source>
        <translation>Das Bild ist zu groß ({width} × {height} Pixel).</translation>
    </message>
    <message>
        <source>That is not a picture this app can read (PNG or JPEG work).</source>
        <translation>Das ist kein Bild, das diese App lesen kann (PNG oder JPEG gehen).</translation>
    </message>
    <message>
        <source>The picture is empty.</source>
        <translation>Das Bild ist leer.</translation>
    </message>
    <message>
        <source>The picture could not be encoded as {kind}.</source>
        <translation>Das Bild konnte nicht als {kind} kodiert werden.</translation>
    </message>
</context>
<context>
    <name>PortalScreenshot</name>
    <message>
        <source>The screenshot was cancelled.</source>
        <translation>Das Bildschirmfoto wurde abgebrochen.</translation>
    </message>
    <message>
        <source>The desktop could not take the screenshot.</source>
        <translation>Der Desktop konnte das Bildschirmfoto nicht aufnehmen.</translation>
    </message>
    <message>
        <source>This desktop&apos;s portal takes no screenshots ({why}).</source>
        <translation>Das Portal dieses Desktops nimmt keine Bildschirmfotos auf ({why}).</translation>
    </message>
    <message>
        <source>The desktop&apos;s portal gave no picture.</source>
        <translation>Das Portal des Desktops lieferte kein Bild.</translation>
    </message>
</context>
<context>
    <name>PortalShortcut</name>
    <message>
        <source>This desktop&apos;s portal offers no global shortcuts (GlobalShortcuts, in GNOME 48, KDE Plasma 5.27 and Hyprland and later); the Space bar works in the window.</source>
        <translation>Das Portal dieser Arbeitsumgebung bietet keine globalen Tastenkürzel (GlobalShortcuts, ab GNOME 48, KDE Plasma 5.27 und Hyprland); die Leertaste funktioniert im Fenster.</translation>
    </message>
    <message>
        <source>The portal is asked from the app&apos;s event loop, which is not running.</source>
        <translation>Das Portal wird aus der Ereignisschleife der App gefragt, die nicht läuft.</translation>
    </message>
    <message>
        <source>The portal refused: {why}</source>
        <translation>Das Portal hat abgelehnt: {why}</translation>
    </message>
    <message>
        <source>Could not reach the desktop portal over D-Bus: {why}</source>
        <translation>Das Portal der Arbeitsumgebung war über D-Bus nicht erreichbar: {why}</translation>
    </message>
    <message>
        <source>Hold to talk to the assistant</source>
        <translation>Halten, um mit dem Assistenten zu sprechen</translation>
    </message>
    <message>
        <source>Show the screen to the assistant</source>
        <translation>Dem Assistenten den Bildschirm zeigen</translation>
    </message>
    <message>
        <source>The desktop did not bind the shortcut.</source>
        <translation>Der Desktop hat das Kürzel nicht eingerichtet.</translation>
    </message>
    <message>
        <source>The desktop declined the global shortcut.</source>
        <translation>Die Arbeitsumgebung hat das globale Tastenkürzel abgelehnt.</translation>
    </message>
    <message>
        <source>The desktop&apos;s portal failed to bind it.</source>
        <translation>Das Portal der Arbeitsumgebung konnte es nicht einrichten.</translation>
    </message>
</context>
<context>
    <name>RegionPicker</name>
    <message>
        <source>Choose a region</source>
        <translation>Bereich wählen</translation>
    </message>
    <message>
        <source>Drag over the part of the screen to show; Esc cancels</source>
        <translation>Ziehen Sie über den Teil des Bildschirms, den Sie zeigen möchten; Esc bricht ab</translation>
    </message>
</context>
<context>
    <name>Replies</name>
    <message>
        <source>The service is limiting how fast this key may ask: the reply failed. Wait a few seconds, then press Retry.</source>
        <translation>Der Dienst begrenzt, wie schnell dieser Schlüssel fragen darf: Die Antwort ist fehlgeschlagen. Warten Sie ein paar Sekunden und drücken Sie dann „Erneut versuchen“.</translation>
    </message>
    <message>
        <source>The account&apos;s quota is used up: the reply failed. Check the plan and billing of the account the key belongs to.</source>
        <translation>Das Kontingent des Kontos ist aufgebraucht: Die Antwort ist fehlgeschlagen. Prüfen Sie Tarif und Abrechnung des Kontos, zu dem der Schlüssel gehört.</translation>
    </message>
    <message>
        <source>The service failed to answer (a server error, code {code}).</source>
        <translation>Der Dienst konnte nicht antworten (ein Serverfehler, Code {code}).</translation>
    </message>
    <message>
        <source>The reply was cut short: it reached the most output tokens allowed.</source>
        <translation>Die Antwort wurde gekürzt: Sie hat die höchste erlaubte Zahl an Ausgabe-Tokens erreicht.</translation>
    </message>
    <message>
        <source>The reply was stopped by the service&apos;s content filter.</source>
        <translation>Die Antwort wurde vom Inhaltsfilter des Dienstes gestoppt.</translation>
    </message>
    <message>
        <source>The reply ended early ({reason}).</source>
        <translation>Die Antwort endete vorzeitig ({reason}).</translation>
    </message>
</context>
<context>
    <name>RepliesPage</name>
    <message>
        <source>Voice</source>
        <translation>Stimme</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>The voice the assistant speaks in (fixed for a session once it has spoken: a new voice takes a new connection)</source>
        <translation>Die Stimme des Assistenten (in einer Sitzung fest, sobald er gesprochen hat: eine neue Stimme braucht eine neue Verbindung)</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <source>How fast the assistant speaks: 1.0 is the voice&apos;s own pace</source>
        <translation>Wie schnell der Assistent spricht: 1,0 ist das eigene Tempo der Stimme</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>Reply in text only (no voice)</source>
        <translation>Nur als Text antworten (ohne Stimme)</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>keine Grenze</translation>
    </message>
    <message>
        <source>Auto: drop the oldest turns</source>
        <translation>Automatisch: die ältesten Beiträge weglassen</translation>
    </message>
    <message>
        <source>Keep a share, so the cache lasts</source>
        <translation>Einen Anteil behalten, damit der Cache hält</translation>
    </message>
    <message>
        <source>Never: fail instead</source>
        <translation>Nie: stattdessen fehlschlagen</translation>
    </message>
    <message>
        <source>The assistant writes its replies instead of speaking them</source>
        <translation>Der Assistent schreibt seine Antworten, statt sie zu sprechen</translation>
    </message>
    <message>
        <source>Longest reply</source>
        <translation>Längste Antwort</translation>
    </message>
    <message>
        <source>The most tokens one reply may use; a longer one is cut short and says so</source>
        <translation>Die meisten Tokens, die eine Antwort verwenden darf; eine längere wird gekürzt und sagt es</translation>
    </message>
    <message>
        <source>Tool choice</source>
        <translation>Werkzeugwahl</translation>
    </message>
    <message>
        <source>auto: the model decides; none: no tools; required: always a tool; or type the name of the one tool to call</source>
        <translation>auto: das Modell entscheidet; none: keine Werkzeuge; required: immer ein Werkzeug; oder den Namen des einen aufzurufenden Werkzeugs eingeben</translation>
    </message>
    <message>
        <source>When the conversation is too long</source>
        <translation>Wenn das Gespräch zu lang wird</translation>
    </message>
    <message>
        <source>What the service does once the conversation exceeds what the model can read</source>
        <translation>Was der Dienst tut, sobald das Gespräch mehr ist, als das Modell lesen kann</translation>
    </message>
    <message>
        <source>Share kept</source>
        <translation>Behaltener Anteil</translation>
    </message>
    <message>
        <source>How much of the conversation is kept when it is cut</source>
        <translation>Wie viel vom Gespräch beim Kürzen behalten wird</translation>
    </message>
    <message>
        <source>Stored prompt</source>
        <translation>Gespeicherter Prompt</translation>
    </message>
    <message>
        <source>pmpt_...; empty: none</source>
        <translation>pmpt_...; leer: keiner</translation>
    </message>
    <message>
        <source>empty: the newest</source>
        <translation>leer: die neueste</translation>
    </message>
    <message>
        <source>{&quot;customer&quot;: &quot;Ada&quot;}</source>
        <translation>{&quot;Kunde&quot;: &quot;Ada&quot;}</translation>
    </message>
    <message>
        <source>Prompt id</source>
        <translation>Prompt-ID</translation>
    </message>
    <message>
        <source>A prompt template kept on the OpenAI platform, used with the instructions</source>
        <translation>Eine auf der OpenAI-Plattform gespeicherte Prompt-Vorlage, zusammen mit den Anweisungen verwendet</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Which version of the template</source>
        <translation>Welche Version der Vorlage</translation>
    </message>
    <message>
        <source>Variables</source>
        <translation>Variablen</translation>
    </message>
    <message>
        <source>The template&apos;s variables, as a JSON object of texts</source>
        <translation>Die Variablen der Vorlage, als JSON-Objekt aus Texten</translation>
    </message>
    <message>
        <source>Listening</source>
        <translation>Hört zu</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>empty: no transcript of what you say</source>
        <translation>leer: keine Mitschrift dessen, was Sie sagen</translation>
    </message>
    <message>
        <source>e.g. en; empty: detected</source>
        <translation>z. B. de; leer: wird erkannt</translation>
    </message>
    <message>
        <source>Names and words to expect, to spell them right</source>
        <translation>Zu erwartende Namen und Wörter, damit sie richtig geschrieben werden</translation>
    </message>
    <message>
        <source>Near field (headset, laptop)</source>
        <translation>Nahfeld (Headset, Laptop)</translation>
    </message>
    <message>
        <source>Far field (room microphone)</source>
        <translation>Fernfeld (Raummikrofon)</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Idle timeout (server VAD)</source>
        <translation>Ruhezeit (Server-VAD)</translation>
    </message>
    <message>
        <source>After a reply, this long without a word and the assistant checks whether you are still there</source>
        <translation>So lange nach einer Antwort ohne ein Wort, und der Assistent fragt nach, ob Sie noch da sind</translation>
    </message>
    <message>
        <source>Transcription model</source>
        <translation>Transkriptionsmodell</translation>
    </message>
    <message>
        <source>Writes down what you say, in every mode</source>
        <translation>Schreibt mit, was Sie sagen, in jeder Betriebsart</translation>
    </message>
    <message>
        <source>Your language</source>
        <translation>Ihre Sprache</translation>
    </message>
    <message>
        <source>The language you speak, as a two-letter code; helps the transcription</source>
        <translation>Die Sprache, die Sie sprechen, als Zwei-Buchstaben-Code; hilft der Transkription</translation>
    </message>
    <message>
        <source>Words to expect</source>
        <translation>Erwartete Wörter</translation>
    </message>
    <message>
        <source>Helps the transcription spell names and terms (models that take a prompt)</source>
        <translation>Hilft der Transkription, Namen und Begriffe richtig zu schreiben (Modelle, die einen Prompt annehmen)</translation>
    </message>
    <message>
        <source>Noise reduction</source>
        <translation>Rauschunterdrückung</translation>
    </message>
    <message>
        <source>The server&apos;s filter for the kind of microphone you use</source>
        <translation>Der Filter des Servers für die Art Ihres Mikrofons</translation>
    </message>
    <message>
        <source>Hear a sentence at this speed, in the offline demo&apos;s voice</source>
        <translation>Einen Satz in diesem Tempo hören, mit der Stimme der Offline-Demo</translation>
    </message>
    <message>
        <source>The preview plays in the offline demo (connect to it from the key dialog)</source>
        <translation>Die Vorschau spielt in der Offline-Demo (im Schlüsseldialog mit ihr verbinden)</translation>
    </message>
</context>
<context>
    <name>ScreenCapture</name>
    <message>
        <source>macOS needs the Screen Recording permission: allow Voice Assistant in System Settings → Privacy &amp; Security → Screen Recording, then try again.</source>
        <translation>macOS braucht die Berechtigung zur Bildschirmaufnahme: Erlauben Sie Voice Assistant unter Systemeinstellungen → Datenschutz &amp; Sicherheit → Bildschirmaufnahme und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <source>No window of another application was found; showing a window needs X11 here.</source>
        <translation>Kein Fenster einer anderen Anwendung gefunden; ein Fenster zu zeigen braucht hier X11.</translation>
    </message>
    <message>
        <source>Could not ask the desktop portal for a screenshot: {why}</source>
        <translation>Das Desktop-Portal konnte nicht nach einem Bildschirmfoto gefragt werden: {why}</translation>
    </message>
    <message>
        <source>The desktop&apos;s portal gave a file that is not a picture.</source>
        <translation>Das Portal des Desktops lieferte eine Datei, die kein Bild ist.</translation>
    </message>
    <message>
        <source>There is no screen to capture.</source>
        <translation>Es gibt keinen Bildschirm zum Aufnehmen.</translation>
    </message>
    <message>
        <source>Nothing could be captured on this display ({platform}).</source>
        <translation>Auf dieser Anzeige ({platform}) ließ sich nichts aufnehmen.</translation>
    </message>
</context>
<context>
    <name>SessionHost</name>
    <message>
        <source>Reconnecting...</source>
        <translation>Verbinde erneut...</translation>
    </message>
</context>
<context>
    <name>SessionKeeper</name>
    <message>
        <source>Connecting to {endpoint}...</source>
        <translation>Verbinde mit {endpoint}...</translation>
    </message>
    <message>
        <source>The server stopped answering mid-response ({seconds} s without a word).</source>
        <translation>Der Server hat mitten in der Antwort aufgehört ({seconds} s ohne ein Wort).</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>The price table is not valid JSON: {why}.</source>
        <translation>Die Preistabelle ist kein gültiges JSON: {why}.</translation>
    </message>
    <message>
        <source>The price table must map model names to prices.</source>
        <translation>Die Preistabelle muss Modellnamen Preise zuordnen.</translation>
    </message>
    <message>
        <source>The price of &apos;{model}&apos; needs exactly: {fields}.</source>
        <translation>Der Preis von „{model}“ braucht genau: {fields}.</translation>
    </message>
    <message>
        <source>The prices of &apos;{model}&apos; must be numbers of 0 or more.</source>
        <translation>Die Preise von „{model}“ müssen Zahlen ab 0 sein.</translation>
    </message>
    <message>
        <source>The MCP servers are not valid JSON: {why}</source>
        <translation>Die MCP-Server sind kein gültiges JSON: {why}</translation>
    </message>
    <message>
        <source>The MCP servers must be a list.</source>
        <translation>Die MCP-Server müssen eine Liste sein.</translation>
    </message>
    <message>
        <source>Each MCP server needs a label and an https address.</source>
        <translation>Jeder MCP-Server braucht eine Bezeichnung und eine https-Adresse.</translation>
    </message>
    <message>
        <source>MCP server label &apos;{label}&apos;: letters, digits, - and _ only.</source>
        <translation>Bezeichnung „{label}“ des MCP-Servers: nur Buchstaben, Ziffern, - und _.</translation>
    </message>
    <message>
        <source>MCP server {label}: the address must start with https://.</source>
        <translation>MCP-Server {label}: die Adresse muss mit https:// beginnen.</translation>
    </message>
    <message>
        <source>MCP server {label}: approval is &apos;always&apos; or &apos;never&apos;.</source>
        <translation>MCP-Server {label}: die Freigabe ist „always“ oder „never“.</translation>
    </message>
    <message>
        <source>MCP server label &apos;{label}&apos; is used twice.</source>
        <translation>Die Bezeichnung „{label}“ eines MCP-Servers kommt zweimal vor.</translation>
    </message>
    <message>
        <source>The variables are not JSON: {error}</source>
        <translation>Die Variablen sind kein JSON: {error}</translation>
    </message>
    <message>
        <source>The variables must be one object of texts, like {&quot;name&quot;: &quot;Ada&quot;}.</source>
        <translation>Die Variablen müssen ein Objekt aus Texten sein, etwa {&quot;name&quot;: &quot;Ada&quot;}.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Voice and replies</source>
        <translation>Stimme und Antworten</translation>
    </message>
    <message>
        <source>Sessions and cost</source>
        <translation>Sitzungen und Kosten</translation>
    </message>
    <message>
        <source>Dictation and translation</source>
        <translation>Diktat und Übersetzung</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Werkzeuge</translation>
    </message>
    <message>
        <source>My MCP servers</source>
        <translation>Meine MCP-Server</translation>
    </message>
    <message>
        <source>Desktop</source>
        <translation>Arbeitsumgebung</translation>
    </message>
    <message>
        <source>The pages of the settings (Ctrl+Tab)</source>
        <translation>Die Seiten der Einstellungen (Strg+Tab)</translation>
    </message>
    <message>
        <source>Settings pages</source>
        <translation>Einstellungsseiten</translation>
    </message>
    <message>
        <source>Use these settings and close</source>
        <translation>Diese Einstellungen verwenden und schließen</translation>
    </message>
    <message>
        <source>Close without changing anything</source>
        <translation>Schließen, ohne etwas zu ändern</translation>
    </message>
    <message>
        <source>Long conversations</source>
        <translation>Lange Gespräche</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source> tokens</source>
        <translation> Token</translation>
    </message>
    <message>
        <source>Reset prices</source>
        <translation>Preise zurücksetzen</translation>
    </message>
    <message>
        <source>Put back the prices this version knows</source>
        <translation>Die Preise wiederherstellen, die diese Version kennt</translation>
    </message>
    <message>
        <source>New session after</source>
        <translation>Neue Sitzung nach</translation>
    </message>
    <message>
        <source>OpenAI ends a session after 60 minutes; a new one is opened at a quiet moment before that, with the conversation</source>
        <translation>OpenAI beendet eine Sitzung nach 60 Minuten; vorher wird in einem ruhigen Moment eine neue geöffnet, mit dem Gespräch</translation>
    </message>
    <message>
        <source>Carry over at most</source>
        <translation>Höchstens übernehmen</translation>
    </message>
    <message>
        <source>How much of the conversation a new session is given back</source>
        <translation>Wie viel vom Gespräch eine neue Sitzung zurückbekommt</translation>
    </message>
    <message>
        <source>Prices (USD per 1M tokens)</source>
        <translation>Preise (USD pro 1 Mio. Token)</translation>
    </message>
    <message>
        <source>The price table the cost in the status bar is counted with</source>
        <translation>Die Preistabelle, mit der die Kosten in der Statusleiste berechnet werden</translation>
    </message>
    <message>
        <source>Dictation and live translation</source>
        <translation>Diktat und Live-Übersetzung</translation>
    </message>
    <message>
        <source>Dictation and the interpreter use the transcription settings of the Voice and replies tab and the turn detection of the General tab.</source>
        <translation>Diktat und Dolmetscher verwenden die Transkriptionseinstellungen der Seite „Stimme und Antworten“ und die Sprecherwechsel-Erkennung der Seite „Allgemein“.</translation>
    </message>
    <message>
        <source>Set by your organisation</source>
        <translation>Von Ihrer Organisation festgelegt</translation>
    </message>
    <message>
        <source>e.g. fr, de, ja</source>
        <translation>z. B. fr, en, ja</translation>
    </message>
    <message>
        <source>Translate into</source>
        <translation>Übersetzen in</translation>
    </message>
    <message>
        <source>The language the interpreter speaks, as a two-letter code</source>
        <translation>Die Sprache, die der Dolmetscher spricht, als Zwei-Buchstaben-Code</translation>
    </message>
    <message>
        <source>Translation model</source>
        <translation>Übersetzungsmodell</translation>
    </message>
    <message>
        <source>The model of the live-translation endpoint</source>
        <translation>Das Modell des Endpunkts für Live-Übersetzung</translation>
    </message>
</context>
<context>
    <name>Shortcut</name>
    <message>
        <source>“{text}” is not a shortcut: use modifiers and one key, like {example}.</source>
        <translation>„{text}“ ist kein Tastenkürzel: Umschalttasten und eine Taste verwenden, etwa {example}.</translation>
    </message>
    <message>
        <source>“{text}” names a modifier twice.</source>
        <translation>„{text}“ nennt eine Umschalttaste zweimal.</translation>
    </message>
</context>
<context>
    <name>ShowButton</name>
    <message>
        <source>Show</source>
        <translation>Zeigen</translation>
    </message>
    <message>
        <source>Show the assistant your screen ({shortcut} anywhere); the arrow (or Ctrl+Shift+S) offers a window, a region or a file. You can also paste or drop a picture.</source>
        <translation>Zeigen Sie dem Assistenten Ihren Bildschirm ({shortcut} überall); der Pfeil (oder Strg+Umschalt+S) bietet ein Fenster, einen Bereich oder eine Datei. Sie können ein Bild auch einfügen oder hineinziehen.</translation>
    </message>
    <message>
        <source>Show screen</source>
        <translation>Bildschirm zeigen</translation>
    </message>
    <message>
        <source>The &amp;screen</source>
        <translation>Den &amp;Bildschirm</translation>
    </message>
    <message>
        <source>The &amp;window in use</source>
        <translation>Das &amp;Fenster in Benutzung</translation>
    </message>
    <message>
        <source>A &amp;region of the screen...</source>
        <translation>Einen Be&amp;reich des Bildschirms...</translation>
    </message>
    <message>
        <source>A picture &amp;file...</source>
        <translation>Eine Bild&amp;datei...</translation>
    </message>
    <message>
        <source>Show a picture</source>
        <translation>Ein Bild zeigen</translation>
    </message>
    <message>
        <source>Pictures ({patterns})</source>
        <translation>Bilder ({patterns})</translation>
    </message>
</context>
<context>
    <name>Showing</name>
    <message>
        <source>a region of the screen</source>
        <translation>ein Bereich des Bildschirms</translation>
    </message>
    <message>
        <source>a pasted picture</source>
        <translation>ein eingefügtes Bild</translation>
    </message>
    <message>
        <source>{name} is too large to show (over {mb} MB).</source>
        <translation>{name} ist zu groß zum Zeigen (über {mb} MB).</translation>
    </message>
    <message>
        <source>{name} cannot be shown: {why}</source>
        <translation>{name} kann nicht gezeigt werden: {why}</translation>
    </message>
    <message>
        <source>a picture shown again</source>
        <translation>ein erneut gezeigtes Bild</translation>
    </message>
    <message>
        <source>The assistant looked at your screen</source>
        <translation>Der Assistent hat Ihren Bildschirm angesehen</translation>
    </message>
    <message>
        <source>your screen, for the assistant</source>
        <translation>Ihr Bildschirm, für den Assistenten</translation>
    </message>
    <message>
        <source>Showing the screen is not available here.</source>
        <translation>Den Bildschirm zu zeigen ist hier nicht möglich.</translation>
    </message>
    <message>
        <source>Captured the window</source>
        <translation>Fenster aufgenommen</translation>
    </message>
    <message>
        <source>Captured the screen</source>
        <translation>Bildschirm aufgenommen</translation>
    </message>
    <message>
        <source>the window</source>
        <translation>das Fenster</translation>
    </message>
    <message>
        <source>the screen</source>
        <translation>der Bildschirm</translation>
    </message>
    <message>
        <source>Not connected: connect first to show a picture.</source>
        <translation>Nicht verbunden: Verbinden Sie zuerst, um ein Bild zu zeigen.</translation>
    </message>
    <message>
        <source>This endpoint speaks the older beta protocol, which takes no pictures.</source>
        <translation>Dieser Endpunkt spricht das ältere Beta-Protokoll, das keine Bilder annimmt.</translation>
    </message>
</context>
<context>
    <name>Stage</name>
    <message>
        <source>offline demo</source>
        <translation>Offline-Demo</translation>
    </message>
    <message>
        <source>Asking once more...</source>
        <translation>Noch einmal fragen …</translation>
    </message>
    <message>
        <source>Rate limit: {left} of {total} {name} left; more in {seconds} s.</source>
        <translation>Ratenlimit: noch {left} von {total} {name}; mehr in {seconds} s.</translation>
    </message>
</context>
<context>
    <name>StateBar</name>
    <message>
        <source>Retry now</source>
        <translation>Jetzt erneut versuchen</translation>
    </message>
    <message>
        <source>Reconnect now instead of waiting (Ctrl+R)</source>
        <translation>Jetzt neu verbinden statt zu warten (Strg+R)</translation>
    </message>
    <message numerus="yes">
        <source>Reconnecting in %n s</source>
        <translation>
            <numerusform>Neuer Versuch in %n s</numerusform>
            <numerusform>Neuer Versuch in %n s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TalkControls</name>
    <message>
        <source>Mic</source>
        <translation>Mikro</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Assistent</translation>
    </message>
    <message>
        <source>Hold to talk  (Space)</source>
        <translation>Zum Sprechen halten  (Leertaste)</translation>
    </message>
    <message>
        <source>Hold while you talk; release to send. The global shortcut works from other applications.</source>
        <translation>Beim Sprechen halten; zum Senden loslassen. Das globale Tastenkürzel funktioniert aus anderen Anwendungen.</translation>
    </message>
    <message>
        <source>Hold to talk</source>
        <translation>Zum Sprechen halten</translation>
    </message>
    <message>
        <source>Mute</source>
        <translation>Stumm</translation>
    </message>
    <message>
        <source>Stop sending the microphone (Ctrl+M)</source>
        <translation>Das Mikrofon nicht mehr senden (Strg+M)</translation>
    </message>
    <message>
        <source>Interrupt  (Esc)</source>
        <translation>Unterbrechen  (Esc)</translation>
    </message>
    <message>
        <source>Stop the assistant talking (Esc)</source>
        <translation>Den Assistenten zum Schweigen bringen (Esc)</translation>
    </message>
    <message>
        <source>Interrupt</source>
        <translation>Unterbrechen</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>Ton an</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <source>Something went wrong: {why}</source>
        <translation>Etwas ist schiefgegangen: {why}</translation>
    </message>
</context>
<context>
    <name>ToolCalls</name>
    <message numerus="yes">
        <source>MCP server {label} offers %n tool(s): {tools}.</source>
        <translation>
            <numerusform>Der MCP-Server {label} bietet %n Werkzeug: {tools}.</numerusform>
            <numerusform>Der MCP-Server {label} bietet %n Werkzeuge: {tools}.</numerusform>
        </translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>MCP server {label} could not be reached or refused to list its tools; check its address in Settings, Tools.</source>
        <translation>Der MCP-Server {label} war nicht erreichbar oder hat seine Werkzeuge nicht genannt; prüfen Sie seine Adresse unter Einstellungen, Werkzeuge.</translation>
    </message>
    <message>
        <source>Remote MCP servers need the GA protocol; this endpoint speaks the beta one, so it is not told of them.</source>
        <translation>Entfernte MCP-Server brauchen das GA-Protokoll; dieser Endpunkt spricht das Beta-Protokoll und erfährt daher nichts von ihnen.</translation>
    </message>
</context>
<context>
    <name>ToolRow</name>
    <message>
        <source>waiting for your answer below</source>
        <translation>wartet unten auf Ihre Antwort</translation>
    </message>
    <message>
        <source>running…</source>
        <translation>läuft…</translation>
    </message>
    <message>
        <source>failed:</source>
        <translation>fehlgeschlagen:</translation>
    </message>
    <message>
        <source>hide</source>
        <translation>verbergen</translation>
    </message>
    <message>
        <source>details</source>
        <translation>Einzelheiten</translation>
    </message>
    <message>
        <source>arguments</source>
        <translation>Argumente</translation>
    </message>
    <message>
        <source>result</source>
        <translation>Ergebnis</translation>
    </message>
</context>
<context>
    <name>Tools</name>
    <message>
        <source>The token for the MCP server {label} is used for this run only: {why}</source>
        <translation>Das Token für den MCP-Server {label} gilt nur für diesen Start: {why}</translation>
    </message>
    <message>
        <source>Current date and time</source>
        <translation>Aktuelles Datum und Uhrzeit</translation>
    </message>
    <message>
        <source>Open a web page</source>
        <translation>Eine Webseite öffnen</translation>
    </message>
    <message>
        <source>Copy to the clipboard</source>
        <translation>In die Zwischenablage kopieren</translation>
    </message>
    <message>
        <source>Read the clipboard</source>
        <translation>Die Zwischenablage lesen</translation>
    </message>
    <message>
        <source>Look at the screen</source>
        <translation>Den Bildschirm ansehen</translation>
    </message>
    <message>
        <source>Timers</source>
        <translation>Timer</translation>
    </message>
    <message>
        <source>Search past conversations</source>
        <translation>Frühere Gespräche durchsuchen</translation>
    </message>
</context>
<context>
    <name>ToolsPage</name>
    <message>
        <source>Built-in tools the assistant may use</source>
        <translation>Eingebaute Werkzeuge, die der Assistent nutzen darf</translation>
    </message>
    <message>
        <source>(asks first)</source>
        <translation>(fragt zuerst)</translation>
    </message>
    <message>
        <source>Lets the model call {name}</source>
        <translation>Erlaubt dem Modell, {name} aufzurufen</translation>
    </message>
    <message>
        <source>Ask again for every tool</source>
        <translation>Für jedes Werkzeug wieder fragen</translation>
    </message>
    <message>
        <source>Every tool asks for permission again</source>
        <translation>Jedes Werkzeug bittet wieder um Erlaubnis</translation>
    </message>
    <message>
        <source>Remote MCP servers (the model&apos;s service calls them)</source>
        <translation>Entfernte MCP-Server (der Dienst des Modells ruft sie auf)</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>Address (https://...)</source>
        <translation>Adresse (https://...)</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>Freigabe</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Token</translation>
    </message>
    <message>
        <source>One row per server: its label, address, whether calls ask first, and its token</source>
        <translation>Eine Zeile pro Server: Bezeichnung, Adresse, ob Aufrufe zuerst fragen, und sein Token</translation>
    </message>
    <message>
        <source>Remote MCP servers</source>
        <translation>Entfernte MCP-Server</translation>
    </message>
    <message>
        <source>Add server</source>
        <translation>Server hinzufügen</translation>
    </message>
    <message>
        <source>Remove server</source>
        <translation>Server entfernen</translation>
    </message>
    <message>
        <source>A new row for a server</source>
        <translation>Eine neue Zeile für einen Server</translation>
    </message>
    <message>
        <source>Remove the selected server</source>
        <translation>Den gewählten Server entfernen</translation>
    </message>
    <message>
        <source>The offline demo emulates one, with tools add and save_note, at {url}. Tokens are kept in the system keyring.</source>
        <translation>Die Offline-Demo bildet einen nach, mit den Werkzeugen add und save_note, unter {url}. Token werden im Schlüsselbund des Systems aufbewahrt.</translation>
    </message>
    <message>
        <source>Whether a call to this server asks you first</source>
        <translation>Ob ein Aufruf dieses Servers Sie zuerst fragt</translation>
    </message>
    <message>
        <source>saved</source>
        <translation>gespeichert</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Sent as a bearer token; kept in the system keyring</source>
        <translation>Wird als Bearer-Token gesendet; im Schlüsselbund des Systems aufbewahrt</translation>
    </message>
    <message>
        <source>Token for {server}</source>
        <translation>Token für {server}</translation>
    </message>
    <message>
        <source>Token for the new server</source>
        <translation>Token für den neuen Server</translation>
    </message>
    <message>
        <source>The saved servers could not be read: {why}</source>
        <translation>Die gespeicherten Server konnten nicht gelesen werden: {why}</translation>
    </message>
    <message>
        <source>Allowed without asking: {tools}</source>
        <translation>Ohne Nachfrage erlaubt: {tools}</translation>
    </message>
</context>
<context>
    <name>TranscriptView</name>
    <message>
        <source>The conversation appears here. Hold Space to talk, or type a message below.</source>
        <translation>Das Gespräch erscheint hier. Zum Sprechen die Leertaste halten oder unten eine Nachricht eingeben.</translation>
    </message>
    <message>
        <source>The conversation, newest at the bottom</source>
        <translation>Das Gespräch, das Neueste unten</translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation>Gespräch</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Listening</source>
        <translation>Hört zu</translation>
    </message>
    <message>
        <source>Speaking</source>
        <translation>Spricht</translation>
    </message>
    <message>
        <source>Thinking</source>
        <translation>Denkt nach</translation>
    </message>
    <message>
        <source>Microphone muted</source>
        <translation>Mikrofon stumm</translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Show or hide the window</source>
        <translation>Fenster zeigen oder verbergen</translation>
    </message>
    <message>
        <source>Mute the microphone</source>
        <translation>Mikrofon stummschalten</translation>
    </message>
    <message>
        <source>Turn mode</source>
        <translation>Sprecherwechsel</translation>
    </message>
    <message>
        <source>Check for updates</source>
        <translation>Nach Updates sehen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <source>Voice Assistant: {state}</source>
        <translation>Sprachassistent: {state}</translation>
    </message>
</context>
<context>
    <name>TrayAndKeys</name>
    <message>
        <source>Voice Assistant {version} is available</source>
        <translation>Voice Assistant {version} ist erschienen</translation>
    </message>
    <message>
        <source>A tool asks for permission</source>
        <translation>Ein Werkzeug bittet um Erlaubnis</translation>
    </message>
    <message>
        <source>{tool} waits for Allow or Deny in the window.</source>
        <translation>{tool} wartet im Fenster auf Erlauben oder Ablehnen.</translation>
    </message>
    <message>
        <source>Connection lost</source>
        <translation>Verbindung verloren</translation>
    </message>
    <message>
        <source>{why}. Reconnecting in {seconds} s.</source>
        <translation>{why}. Neuer Versuch in {seconds} s.</translation>
    </message>
    <message>
        <source>Still running</source>
        <translation>Läuft weiter</translation>
    </message>
    <message>
        <source>Voice Assistant is in the tray; {shortcut} talks to it from anywhere.</source>
        <translation>Der Sprachassistent ist im Infobereich; mit {shortcut} sprechen Sie von überall mit ihm.</translation>
    </message>
</context>
<context>
    <name>UpdateWatch</name>
    <message>
        <source>the release page</source>
        <translation>der Release-Seite</translation>
    </message>
    <message>
        <source>Voice Assistant {version} is up to date.</source>
        <translation>Voice Assistant {version} ist aktuell.</translation>
    </message>
    <message>
        <source>Could not check for updates: {why}.</source>
        <translation>Updates konnten nicht geprüft werden: {why}.</translation>
    </message>
</context>
<context>
    <name>Updates</name>
    <message>
        <source>Update it with: sudo apt update &amp;&amp; sudo apt upgrade (with the project&apos;s apt repository added, as the README shows), or install the new .deb from {page}</source>
        <translation>Aktualisieren mit: sudo apt update &amp;&amp; sudo apt upgrade (mit dem apt-Repository des Projekts, wie die README zeigt), oder das neue .deb von {page} installieren</translation>
    </message>
    <message>
        <source>Download the new file from {page}</source>
        <translation>Die neue Datei von {page} herunterladen</translation>
    </message>
    <message>
        <source>Download the new archive from {page} and unpack it over this one</source>
        <translation>Das neue Archiv von {page} herunterladen und über dieses entpacken</translation>
    </message>
    <message>
        <source>Download the new app from {page} and move it to Applications, replacing this one</source>
        <translation>Die neue App von {page} herunterladen und in „Programme“ bewegen, anstelle dieser</translation>
    </message>
    <message>
        <source>Run the new installer from {page}</source>
        <translation>Das neue Installationsprogramm von {page} ausführen</translation>
    </message>
    <message>
        <source>Update your checkout (git pull), then run: bash dev.sh app</source>
        <translation>Den Checkout aktualisieren (git pull), dann ausführen: bash dev.sh app</translation>
    </message>
</context>
<context>
    <name>Usage</name>
    <message>
        <source>Last turn {input} in ({cached} cached) / {output} out, {cost}</source>
        <translation>Letzter Beitrag {input} ein ({cached} im Cache) / {output} aus, {cost}</translation>
    </message>
</context>
<context>
    <name>WindowsShortcut</name>
    <message>
        <source>This keyboard has no key “{key}”.</source>
        <translation>Diese Tastatur hat keine Taste „{key}“.</translation>
    </message>
    <message>
        <source>{shortcut} is already taken by another application; choose another shortcut in the settings.</source>
        <translation>{shortcut} ist schon von einer anderen Anwendung belegt; wählen Sie in den Einstellungen ein anderes Tastenkürzel.</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <source>Conversation</source>
        <translation>Gespräch</translation>
    </message>
    <message>
        <source>Dictation</source>
        <translation>Diktat</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Recording</source>
        <translation>Aufnahme</translation>
    </message>
    <message>
        <source>Push-to-talk</source>
        <translation>Sprechtaste</translation>
    </message>
    <message>
        <source>Server VAD</source>
        <translation>Server-VAD</translation>
    </message>
    <message>
        <source>Semantic VAD</source>
        <translation>Semantische VAD</translation>
    </message>
    <message>
        <source>Interpreter</source>
        <translation>Dolmetscher</translation>
    </message>
    <message>
        <source>Automatic (off on headphones)</source>
        <translation>Automatisch (aus bei Kopfhörern)</translation>
    </message>
    <message>
        <source>On</source>
        <translation>An</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemstandard</translation>
    </message>
    <message>
        <source>Ask me each time</source>
        <translation>Jedes Mal fragen</translation>
    </message>
    <message>
        <source>Never ask</source>
        <translation>Nie fragen</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Sie</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>Assistent</translation>
    </message>
    <message>
        <source>Disconnected</source>
        <translation>Getrennt</translation>
    </message>
    <message>
        <source>Connecting</source>
        <translation>Verbinde</translation>
    </message>
    <message>
        <source>Thinking</source>
        <translation>Denkt nach</translation>
    </message>
    <message>
        <source>Speaking</source>
        <translation>Spricht</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>X11Shortcut</name>
    <message>
        <source>The global shortcut needs python-xlib, which is not installed.</source>
        <translation>Das globale Tastenkürzel braucht python-xlib, das nicht installiert ist.</translation>
    </message>
    <message>
        <source>Could not reach the X display {display}: {why}</source>
        <translation>Die X-Anzeige {display} war nicht erreichbar: {why}</translation>
    </message>
    <message>
        <source>This keyboard has no key “{key}”.</source>
        <translation>Diese Tastatur hat keine Taste „{key}“.</translation>
    </message>
    <message>
        <source>{shortcut} is already taken by another application; choose another shortcut in the settings.</source>
        <translation>{shortcut} ist schon von einer anderen Anwendung belegt; wählen Sie in den Einstellungen ein anderes Tastenkürzel.</translation>
    </message>
</context>
</TS>
