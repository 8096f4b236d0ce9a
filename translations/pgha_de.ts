<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About PG HA Designer</source>
        <translation>Über PG HA Designer</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>(unnamed)</source>
        <translation>(ohne Namen)</translation>
    </message>
    <message>
        <source>no address</source>
        <translation>keine Adresse</translation>
    </message>
    <message>
        <source>PG+Patroni</source>
        <translation>PG+Patroni</translation>
    </message>
    <message>
        <source>etcd</source>
        <translation>etcd</translation>
    </message>
    <message>
        <source>HAProxy</source>
        <translation>HAProxy</translation>
    </message>
    <message>
        <source>no role</source>
        <translation>keine Rolle</translation>
    </message>
    <message>
        <source>(unnamed subnet)</source>
        <translation>(Subnetz ohne Namen)</translation>
    </message>
    <message>
        <source>no CIDR</source>
        <translation>kein CIDR</translation>
    </message>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
    </message>
    <message>
        <source>Client applications connect from here
(pg_hba and firewall admit this range)</source>
        <translation>Client-Anwendungen verbinden sich von hier
(pg_hba und Firewall lassen diesen Bereich zu)</translation>
    </message>
</context>
<context>
    <name>pgha::AboutDialog</name>
    <message>
        <source>&lt;h3&gt;PG HA Designer %1&lt;/h3&gt;&lt;p&gt;Design, validate, generate, deploy and monitor highly available PostgreSQL clusters (PostgreSQL + Patroni + etcd + HAProxy).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;PG HA Designer %1&lt;/h3&gt;&lt;p&gt;Hochverfügbare PostgreSQL-Cluster (PostgreSQL + Patroni + etcd + HAProxy) entwerfen, prüfen, erzeugen, ausrollen und überwachen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Built with:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Qt %1&lt;/li&gt;&lt;li&gt;libssh %2&lt;/li&gt;&lt;li&gt;yaml-cpp %3&lt;/li&gt;&lt;li&gt;%4&lt;/li&gt;&lt;/ul&gt;</source>
        <translation>&lt;p&gt;Erstellt mit:&lt;/p&gt;&lt;ul&gt;&lt;li&gt;Qt %1&lt;/li&gt;&lt;li&gt;libssh %2&lt;/li&gt;&lt;li&gt;yaml-cpp %3&lt;/li&gt;&lt;li&gt;%4&lt;/li&gt;&lt;/ul&gt;</translation>
    </message>
</context>
<context>
    <name>pgha::AutosaveRecovery</name>
    <message>
        <source>an unsaved design</source>
        <translation>einen nicht gespeicherten Entwurf</translation>
    </message>
    <message>
        <source>Recover design</source>
        <translation>Entwurf wiederherstellen</translation>
    </message>
    <message numerus="yes">
        <source>PG HA Designer did not close properly. Recover the copy of %1 autosaved at %2?

No deletes this copy; Cancel keeps it (and %n other(s)) for later.</source>
        <translation>
            <numerusform>PG HA Designer wurde nicht ordnungsgemäß beendet. Die um %2 automatisch gesicherte Kopie von %1 wiederherstellen?

Nein löscht diese Kopie; Abbrechen behält sie (und %n weitere) für später.</numerusform>
            <numerusform>PG HA Designer wurde nicht ordnungsgemäß beendet. Die um %2 automatisch gesicherte Kopie von %1 wiederherstellen?

Nein löscht diese Kopie; Abbrechen behält sie (und %n weitere) für später.</numerusform>
        </translation>
    </message>
    <message>
        <source>Could not recover %1:
%2

The autosaved copy is kept at %3.</source>
        <translation>%1 konnte nicht wiederhergestellt werden:
%2

Die automatisch gesicherte Kopie bleibt in %3 erhalten.</translation>
    </message>
</context>
<context>
    <name>pgha::BundleExport</name>
    <message>
        <source>Export bundle</source>
        <translation>Bundle exportieren</translation>
    </message>
    <message numerus="yes">
        <source>The design has %n error(s). Export the files anyway?</source>
        <translation>
            <numerusform>Der Entwurf hat %n Fehler. Die Dateien trotzdem exportieren?</numerusform>
            <numerusform>Der Entwurf hat %n Fehler. Die Dateien trotzdem exportieren?</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgha::ClusterEditor</name>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>Select a host or subnet on the canvas to edit it; these settings apply to the whole cluster.</source>
        <translation>Wählen Sie einen Host oder ein Subnetz auf der Zeichenfläche, um es zu bearbeiten; diese Einstellungen gelten für den ganzen Cluster.</translation>
    </message>
    <message>
        <source>Name (scope):</source>
        <translation>Name (Scope):</translation>
    </message>
    <message>
        <source>Namespace:</source>
        <translation>Namespace:</translation>
    </message>
    <message>
        <source>PostgreSQL</source>
        <translation>PostgreSQL</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Version:</translation>
    </message>
    <message>
        <source>Distribution:</source>
        <translation>Distribution:</translation>
    </message>
    <message>
        <source>Change PostgreSQL distribution</source>
        <translation>PostgreSQL-Distribution ändern</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>Use pg_rewind</source>
        <translation>pg_rewind verwenden</translation>
    </message>
    <message>
        <source>Use replication slots</source>
        <translation>Replikations-Slots verwenden</translation>
    </message>
    <message>
        <source>Data checksums</source>
        <translation>Datenprüfsummen</translation>
    </message>
    <message>
        <source>Patroni</source>
        <translation>Patroni</translation>
    </message>
    <message>
        <source>TTL:</source>
        <translation>TTL:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Loop wait:</source>
        <translation>Loop-Wartezeit:</translation>
    </message>
    <message>
        <source>Retry timeout:</source>
        <translation>Wiederholungs-Timeout:</translation>
    </message>
    <message>
        <source>REST API port:</source>
        <translation>REST-API-Port:</translation>
    </message>
    <message>
        <source> bytes</source>
        <translation> Bytes</translation>
    </message>
    <message>
        <source>Max lag on failover:</source>
        <translation>Max. Verzug bei Failover:</translation>
    </message>
    <message>
        <source>Change maximum lag on failover</source>
        <translation>Maximalen Verzug bei Failover ändern</translation>
    </message>
    <message>
        <source>Synchronous mode</source>
        <translation>Synchroner Modus</translation>
    </message>
    <message>
        <source>Strict synchronous mode</source>
        <translation>Strikt synchroner Modus</translation>
    </message>
    <message>
        <source>Failsafe mode</source>
        <translation>Failsafe-Modus</translation>
    </message>
    <message>
        <source>etcd</source>
        <translation>etcd</translation>
    </message>
    <message>
        <source>Client port:</source>
        <translation>Client-Port:</translation>
    </message>
    <message>
        <source>Peer port:</source>
        <translation>Peer-Port:</translation>
    </message>
    <message>
        <source>HAProxy</source>
        <translation>HAProxy</translation>
    </message>
    <message>
        <source>Primary port:</source>
        <translation>Primary-Port:</translation>
    </message>
    <message>
        <source>Replica port:</source>
        <translation>Replica-Port:</translation>
    </message>
    <message>
        <source>Stats port:</source>
        <translation>Statistik-Port:</translation>
    </message>
    <message>
        <source>Global maxconn:</source>
        <translation>Globales maxconn:</translation>
    </message>
    <message>
        <source>Per-server maxconn:</source>
        <translation>maxconn pro Server:</translation>
    </message>
    <message>
        <source>Check interval:</source>
        <translation>Prüfintervall:</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Fall after:</source>
        <translation>Ausfall nach:</translation>
    </message>
    <message>
        <source> checks</source>
        <translation> Prüfungen</translation>
    </message>
    <message>
        <source>Rise after:</source>
        <translation>Wieder verfügbar nach:</translation>
    </message>
    <message>
        <source>Database users</source>
        <translation>Datenbankbenutzer</translation>
    </message>
    <message>
        <source>Superuser:</source>
        <translation>Superuser:</translation>
    </message>
    <message>
        <source>Replication:</source>
        <translation>Replikation:</translation>
    </message>
    <message>
        <source>Rewind:</source>
        <translation>Rewind:</translation>
    </message>
    <message>
        <source>PostgreSQL parameters</source>
        <translation>PostgreSQL-Parameter</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Add PostgreSQL parameter</source>
        <translation>PostgreSQL-Parameter hinzufügen</translation>
    </message>
    <message>
        <source>Remove PostgreSQL parameter %1</source>
        <translation>PostgreSQL-Parameter %1 entfernen</translation>
    </message>
    <message>
        <source>Change %1</source>
        <translation>%1 ändern</translation>
    </message>
    <message>
        <source>Change PostgreSQL parameters</source>
        <translation>PostgreSQL-Parameter ändern</translation>
    </message>
</context>
<context>
    <name>pgha::Commands</name>
    <message>
        <source>Add host %1</source>
        <translation>Host %1 hinzufügen</translation>
    </message>
    <message>
        <source>Add subnet %1</source>
        <translation>Subnetz %1 hinzufügen</translation>
    </message>
    <message>
        <source>Change host %1</source>
        <translation>Host %1 ändern</translation>
    </message>
    <message>
        <source>Change subnet %1</source>
        <translation>Subnetz %1 ändern</translation>
    </message>
    <message numerus="yes">
        <source>Move %n item(s)</source>
        <translation>
            <numerusform>%n Element verschieben</numerusform>
            <numerusform>%n Elemente verschieben</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Paste %n item(s)</source>
        <translation>
            <numerusform>%n Element einfügen</numerusform>
            <numerusform>%n Elemente einfügen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delete %n item(s)</source>
        <translation>
            <numerusform>%n Element löschen</numerusform>
            <numerusform>%n Elemente löschen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgha::DashboardPage</name>
    <message>
        <source>Patroni URL of a running cluster (empty: the project&apos;s hosts)</source>
        <translation>Patroni-URL eines laufenden Clusters (leer: die Hosts des Projekts)</translation>
    </message>
    <message>
        <source>secrets file (REST and stats passwords; PGHA_* variables also work)</source>
        <translation>Kennwortdatei (REST- und Statistik-Kennwörter; PGHA_*-Variablen gehen auch)</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
    <message>
        <source>at</source>
        <translation>um</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Mitglieder</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Mitglied</translation>
    </message>
    <message>
        <source>Client URL</source>
        <translation>Client-URL</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Leader</source>
        <translation>Leader</translation>
    </message>
    <message>
        <source>Raft term</source>
        <translation>Raft-Term</translation>
    </message>
    <message>
        <source>DB size</source>
        <translation>DB-Größe</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>etcd</source>
        <translation>etcd</translation>
    </message>
    <message>
        <source>HAProxy / pool / server</source>
        <translation>HAProxy / Pool / Server</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <source>HAProxy</source>
        <translation>HAProxy</translation>
    </message>
    <message>
        <source>Replication lag</source>
        <translation>Replikationsverzug</translation>
    </message>
    <message>
        <source>MB</source>
        <translation>MB</translation>
    </message>
    <message>
        <source>HAProxy sessions per pool</source>
        <translation>HAProxy-Sitzungen pro Pool</translation>
    </message>
    <message>
        <source>sessions</source>
        <translation>Sitzungen</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Was geschah</translation>
    </message>
    <message>
        <source>Secrets</source>
        <translation>Kennwörter</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Trennen</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation>verbinde…</translation>
    </message>
    <message>
        <source>healthy</source>
        <translation>gesund</translation>
    </message>
    <message>
        <source>unhealthy</source>
        <translation>gestört</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>nicht erreichbar</translation>
    </message>
    <message>
        <source>reachable</source>
        <translation>erreichbar</translation>
    </message>
    <message>
        <source>NO SERVER UP</source>
        <translation>KEIN SERVER VERFÜGBAR</translation>
    </message>
    <message>
        <source>UP: %1</source>
        <translation>VERFÜGBAR: %1</translation>
    </message>
    <message>
        <source>Confirm %1</source>
        <translation>%1 bestätigen</translation>
    </message>
    <message>
        <source>%1 requested: %2</source>
        <translation>%1 angefordert: %2</translation>
    </message>
</context>
<context>
    <name>pgha::DeployPage</name>
    <message>
        <source>done (changed)</source>
        <translation>erledigt (geändert)</translation>
    </message>
    <message>
        <source>done (nothing to change)</source>
        <translation>erledigt (nichts zu ändern)</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>FEHLGESCHLAGEN</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>done earlier</source>
        <translation>bereits erledigt</translation>
    </message>
    <message>
        <source>&amp;Deploy</source>
        <translation>&amp;Ausrollen</translation>
    </message>
    <message>
        <source>D&amp;ry run</source>
        <translation>&amp;Probelauf</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>A&amp;bbrechen</translation>
    </message>
    <message>
        <source>Stops cleanly: no new step starts, waits give up.</source>
        <translation>Hält sauber an: kein neuer Schritt beginnt, Wartevorgänge geben auf.</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Fortsetzen</translation>
    </message>
    <message>
        <source>Continue an interrupted deploy after its last completed step.</source>
        <translation>Ein unterbrochenes Ausrollen nach seinem letzten abgeschlossenen Schritt fortsetzen.</translation>
    </message>
    <message>
        <source>Adopt existing data directories</source>
        <translation>Vorhandene Datenverzeichnisse übernehmen</translation>
    </message>
    <message>
        <source>Use existing PostgreSQL/etcd data as it is instead of refusing (it is never removed).</source>
        <translation>Vorhandene PostgreSQL-/etcd-Daten unverändert verwenden statt abzulehnen (sie werden nie gelöscht).</translation>
    </message>
    <message>
        <source>Host / step</source>
        <translation>Host / Schritt</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Log of:</source>
        <translation>Protokoll von:</translation>
    </message>
    <message>
        <source>all hosts</source>
        <translation>allen Hosts</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>ausstehend</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>%1/%2 steps</source>
        <translation>%1/%2 Schritte</translation>
    </message>
    <message>
        <source>, failed</source>
        <translation>, fehlgeschlagen</translation>
    </message>
    <message>
        <source>, now: %1</source>
        <translation>, jetzt: %1</translation>
    </message>
    <message>
        <source>Cannot prepare the deploy: %1</source>
        <translation>Das Ausrollen lässt sich nicht vorbereiten: %1</translation>
    </message>
    <message>
        <source>Dry run: nothing is changed on any host.

</source>
        <translation>Probelauf: auf keinem Host wird etwas geändert.

</translation>
    </message>
    <message>
        <source>Dry run: %1 steps on %2 hosts, shown in the log.</source>
        <translation>Probelauf: %1 Schritte auf %2 Hosts, im Protokoll angezeigt.</translation>
    </message>
    <message>
        <source>generated the passwords and kept them in %1 (mode 0600)</source>
        <translation>Kennwörter erzeugt und in %1 abgelegt (Rechte 0600)</translation>
    </message>
    <message>
        <source>Resuming the interrupted deploy...</source>
        <translation>Setze das unterbrochene Ausrollen fort...</translation>
    </message>
    <message>
        <source>Deploying...</source>
        <translation>Rolle aus...</translation>
    </message>
    <message>
        <source>step: %1</source>
        <translation>Schritt: %1</translation>
    </message>
    <message>
        <source>Refuse</source>
        <translation>Ablehnen</translation>
    </message>
    <message>
        <source>host key accepted</source>
        <translation>Host-Schlüssel angenommen</translation>
    </message>
    <message>
        <source>host key refused</source>
        <translation>Host-Schlüssel abgelehnt</translation>
    </message>
    <message>
        <source>Credentials for %1</source>
        <translation>Anmeldedaten für %1</translation>
    </message>
    <message>
        <source>Passphrase of the key %1:</source>
        <translation>Passphrase des Schlüssels %1:</translation>
    </message>
    <message>
        <source>SSH password for %1:</source>
        <translation>SSH-Kennwort für %1:</translation>
    </message>
    <message>
        <source>sudo password for %1:</source>
        <translation>sudo-Kennwort für %1:</translation>
    </message>
    <message>
        <source>checks the host, changes nothing</source>
        <translation>prüft den Host, ändert nichts</translation>
    </message>
    <message>
        <source>writes %1</source>
        <translation>schreibt %1</translation>
    </message>
    <message>
        <source>%v of %m steps</source>
        <translation>%v von %m Schritten</translation>
    </message>
    <message>
        <source>What it changes / detail</source>
        <translation>Was er ändert / Detail</translation>
    </message>
    <message>
        <source>Preparing the deploy (generating the files)…</source>
        <translation>Ausrollen wird vorbereitet (Dateien werden erzeugt)…</translation>
    </message>
    <message>
        <source>The plan: %1 steps on %2 hosts, listed above with what each changes. Nothing has been changed yet: Deploy runs it, Dry run shows every command.</source>
        <translation>Der Plan: %1 Schritte auf %2 Hosts, oben aufgeführt mit dem, was jeder ändert. Noch wurde nichts geändert: Ausrollen führt ihn aus, Probelauf zeigt jeden Befehl.</translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) offer a key this computer has never seen:</source>
        <translation>
            <numerusform>%n Host bietet einen Schlüssel an, den dieser Rechner noch nie gesehen hat:</numerusform>
            <numerusform>%n Hosts bieten Schlüssel an, die dieser Rechner noch nie gesehen hat:</numerusform>
        </translation>
    </message>
    <message>
        <source>Compare each with the host&apos;s own key (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub on its console). Accepting remembers the listed keys in %1; refusing stops the deploy.</source>
        <translation>Vergleichen Sie jeden mit dem eigenen Schlüssel des Hosts (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub auf seiner Konsole). Annehmen merkt sich die aufgeführten Schlüssel in %1; Ablehnen beendet das Ausrollen.</translation>
    </message>
    <message>
        <source>Unknown host keys</source>
        <translation>Unbekannte Host-Schlüssel</translation>
    </message>
    <message>
        <source>Accept the listed keys</source>
        <translation>Aufgeführte Schlüssel annehmen</translation>
    </message>
</context>
<context>
    <name>pgha::DesignScene</name>
    <message>
        <source>Move %1 into subnet %2</source>
        <translation>%1 in Subnetz %2 verschieben</translation>
    </message>
</context>
<context>
    <name>pgha::DesignView</name>
    <message>
        <source>Drag a subnet and some nodes from the palette to start.
Three database nodes with etcd and one HAProxy node make a minimal HA cluster.</source>
        <translation>Ziehen Sie zum Beginnen ein Subnetz und einige Knoten aus der Palette.
Drei Datenbankknoten mit etcd und ein HAProxy-Knoten ergeben einen minimalen HA-Cluster.</translation>
    </message>
</context>
<context>
    <name>pgha::DiagramExport</name>
    <message>
        <source>PG HA Designer diagram</source>
        <translation>PG-HA-Designer-Diagramm</translation>
    </message>
</context>
<context>
    <name>pgha::Document</name>
    <message>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
</context>
<context>
    <name>pgha::FindingsModel</name>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Info</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betrifft</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Fix</source>
        <translation>Abhilfe</translation>
    </message>
</context>
<context>
    <name>pgha::FindingsPanel</name>
    <message>
        <source>&amp;Quick fix</source>
        <translation>&amp;Schnellkorrektur</translation>
    </message>
    <message>
        <source>Apply the mechanical fix for the selected finding (undoable)</source>
        <translation>Die mechanische Korrektur für den gewählten Befund anwenden (rückgängig zu machen)</translation>
    </message>
    <message>
        <source>No findings: the design passes every rule.</source>
        <translation>Keine Befunde: der Entwurf erfüllt jede Regel.</translation>
    </message>
    <message>
        <source>%1 error(s), %2 warning(s), %3 note(s)</source>
        <translation>%1 Fehler, %2 Warnung(en), %3 Hinweis(e)</translation>
    </message>
</context>
<context>
    <name>pgha::HostEditor</name>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>RFC 1123 name, e.g. node1</source>
        <translation>Name nach RFC 1123, z. B. node1</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>e.g. 10.104.0.1</source>
        <translation>z. B. 10.104.0.1</translation>
    </message>
    <message>
        <source>Next free</source>
        <translation>Nächste freie</translation>
    </message>
    <message>
        <source>Use the subnet&apos;s next free address</source>
        <translation>Die nächste freie Adresse des Subnetzes verwenden</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresse:</translation>
    </message>
    <message>
        <source>&amp;Subnet:</source>
        <translation>&amp;Subnetz:</translation>
    </message>
    <message>
        <source>&amp;OS:</source>
        <translation>&amp;Betriebssystem:</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Rollen</translation>
    </message>
    <message>
        <source>PostgreSQL + Patroni</source>
        <translation>PostgreSQL + Patroni</translation>
    </message>
    <message>
        <source>etcd member</source>
        <translation>etcd-Mitglied</translation>
    </message>
    <message>
        <source>HAProxy load balancer</source>
        <translation>HAProxy-Load-Balancer</translation>
    </message>
    <message>
        <source>SSH</source>
        <translation>SSH</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>Ben&amp;utzer:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>agent / ~/.ssh/config</source>
        <translation>Agent / ~/.ssh/config</translation>
    </message>
    <message>
        <source>&amp;Key file:</source>
        <translation>&amp;Schlüsseldatei:</translation>
    </message>
    <message>
        <source>Patroni tags</source>
        <translation>Patroni-Tags</translation>
    </message>
    <message>
        <source>nofailover (never becomes primary)</source>
        <translation>nofailover (wird nie Primary)</translation>
    </message>
    <message>
        <source>noloadbalance (not on the read port)</source>
        <translation>noloadbalance (nicht am Lese-Port)</translation>
    </message>
    <message>
        <source>nosync (never a synchronous standby)</source>
        <translation>nosync (nie synchroner Standby)</translation>
    </message>
    <message>
        <source>clonefrom (preferred source for new replicas)</source>
        <translation>clonefrom (bevorzugte Quelle für neue Replicas)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <source>%1 (unknown)</source>
        <translation>%1 (unbekannt)</translation>
    </message>
</context>
<context>
    <name>pgha::KeychainVault</name>
    <message>
        <source>OS keychain</source>
        <translation>Schlüsselbund des Systems</translation>
    </message>
</context>
<context>
    <name>pgha::LegendWidget</name>
    <message>
        <source>HAProxy → PostgreSQL  %1 primary / %2 replicas, checked on Patroni %3</source>
        <translation>HAProxy → PostgreSQL  %1 Primary / %2 Replicas, geprüft über Patroni %3</translation>
    </message>
    <message>
        <source>Streaming replication  PostgreSQL %1 (any member may lead)</source>
        <translation>Streaming-Replikation  PostgreSQL %1 (jedes Mitglied kann Leader werden)</translation>
    </message>
    <message>
        <source>Patroni → etcd  client port %1 (every member listed)</source>
        <translation>Patroni → etcd  Client-Port %1 (alle Mitglieder eingetragen)</translation>
    </message>
    <message>
        <source>etcd peer mesh  port %1</source>
        <translation>etcd-Peer-Netz  Port %1</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
</context>
<context>
    <name>pgha::LiveTopologyView</name>
    <message>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <source>lag %1 MB</source>
        <translation>Verzug %1 MB</translation>
    </message>
    <message>
        <source>lag ?</source>
        <translation>Verzug ?</translation>
    </message>
    <message>
        <source>etcd</source>
        <translation>etcd</translation>
    </message>
    <message>
        <source>HAProxy %1: </source>
        <translation>HAProxy %1: </translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>nicht erreichbar</translation>
    </message>
    <message>
        <source>NONE</source>
        <translation>KEINER</translation>
    </message>
</context>
<context>
    <name>pgha::MainWindow</name>
    <message>
        <source>Design</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>Deploy</source>
        <translation>Ausrollen</translation>
    </message>
    <message>
        <source>Monitor</source>
        <translation>Überwachen</translation>
    </message>
    <message>
        <source>Palette</source>
        <translation>Palette</translation>
    </message>
    <message>
        <source>&lt;opened&gt;</source>
        <translation>&lt;geöffnet&gt;</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Inspector</source>
        <translation>Eigenschaften</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Vorschau</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Befunde</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New from Template</source>
        <translation>&amp;Neu aus Vorlage</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <source>New empty design (File ▸ New from Template for the others)</source>
        <translation>Neuer leerer Entwurf (Datei ▸ Neu aus Vorlage für die anderen)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open design</source>
        <translation>Entwurf öffnen</translation>
    </message>
    <message>
        <source>PG HA designs (*.pgha.yaml);;YAML (*.yaml *.yml)</source>
        <translation>PG-HA-Entwürfe (*.pgha.yaml);;YAML (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <source>&amp;Export Bundle…</source>
        <translation>Bundle &amp;exportieren…</translation>
    </message>
    <message>
        <source>Export &amp;Diagram</source>
        <translation>&amp;Diagramm exportieren</translation>
    </message>
    <message>
        <source>As &amp;PNG…</source>
        <translation>Als &amp;PNG…</translation>
    </message>
    <message>
        <source>As &amp;SVG…</source>
        <translation>Als &amp;SVG…</translation>
    </message>
    <message>
        <source>S&amp;ecrets…</source>
        <translation>&amp;Kennwörter…</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>E&amp;instellungen…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>E&amp;infügen</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>&amp;Alles auswählen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>&amp;Originalgröße</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>An &amp;Fenster anpassen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About PG HA Designer</source>
        <translation>&amp;Über PG HA Designer</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Haupt</translation>
    </message>
    <message>
        <source>%1[*] — PG HA Designer</source>
        <translation>%1[*] — PG HA Designer</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) selected.
Move them with the mouse or the arrow keys; Delete removes them.</source>
        <translation>
            <numerusform>%n Element ausgewählt.
Mit der Maus oder den Pfeiltasten verschieben; Entf entfernt es.</numerusform>
            <numerusform>%n Elemente ausgewählt.
Mit der Maus oder den Pfeiltasten verschieben; Entf entfernt sie.</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Prüfe…</translation>
    </message>
    <message>
        <source>%1 error(s), %2 warning(s)</source>
        <translation>%1 Fehler, %2 Warnung(en)</translation>
    </message>
    <message>
        <source>Checked in %1 ms</source>
        <translation>Geprüft in %1 ms</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>The design &quot;%1&quot; has unsaved changes. Save them?</source>
        <translation>Der Entwurf „%1“ hat ungespeicherte Änderungen. Speichern?</translation>
    </message>
    <message>
        <source>New design</source>
        <translation>Neuer Entwurf</translation>
    </message>
    <message>
        <source>Could not open the design:
%1</source>
        <translation>Der Entwurf ließ sich nicht öffnen:
%1</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <source>Save design</source>
        <translation>Entwurf speichern</translation>
    </message>
    <message>
        <source>Could not save the design:
%1</source>
        <translation>Der Entwurf ließ sich nicht speichern:
%1</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>PG HA designs (*.pgha.yaml)</source>
        <translation>PG-HA-Entwürfe (*.pgha.yaml)</translation>
    </message>
    <message>
        <source>Secrets read from the %1</source>
        <translation>Kennwörter gelesen aus: %1</translation>
    </message>
    <message>
        <source>No keychain: the secrets of this session are generated (%1)</source>
        <translation>Kein Schlüsselbund: die Kennwörter dieser Sitzung sind erzeugt (%1)</translation>
    </message>
    <message>
        <source>Secrets</source>
        <translation>Kennwörter</translation>
    </message>
    <message>
        <source>Could not store the secrets: %1</source>
        <translation>Die Kennwörter ließen sich nicht speichern: %1</translation>
    </message>
    <message>
        <source>Export bundle</source>
        <translation>Bundle exportieren</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n file(s) to %1</source>
        <translation>
            <numerusform>%n Datei nach %1 exportiert</numerusform>
            <numerusform>%n Dateien nach %1 exportiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Bundles (*.tar.gz)</source>
        <translation>Bundles (*.tar.gz)</translation>
    </message>
    <message>
        <source>Export diagram</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>%1 ließ sich nicht schreiben</translation>
    </message>
    <message>
        <source>SVG (*.svg)</source>
        <translation>SVG (*.svg)</translation>
    </message>
    <message>
        <source>PNG (*.png)</source>
        <translation>PNG (*.png)</translation>
    </message>
    <message>
        <source>Quick fix</source>
        <translation>Schnellkorrektur</translation>
    </message>
    <message>
        <source>Apply quick fix</source>
        <translation>Schnellkorrektur anwenden</translation>
    </message>
    <message>
        <source>Deployed: the Monitor tab shows the cluster.</source>
        <translation>Ausgerollt: der Reiter Überwachen zeigt den Cluster.</translation>
    </message>
    <message>
        <source>Re&amp;cover Autosaved Designs…</source>
        <translation>Automatisch gesicherte Entwürfe &amp;wiederherstellen…</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Export nach %1…</translation>
    </message>
    <message numerus="yes">
        <source>%n more autosaved design(s) kept: File ▸ Recover Autosaved Designs offers them.</source>
        <translation>
            <numerusform>%n weiterer automatisch gesicherter Entwurf behalten: Datei ▸ Automatisch gesicherte Entwürfe wiederherstellen bietet ihn an.</numerusform>
            <numerusform>%n weitere automatisch gesicherte Entwürfe behalten: Datei ▸ Automatisch gesicherte Entwürfe wiederherstellen bietet sie an.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgha::MemoryVault</name>
    <message>
        <source>this session only</source>
        <translation>nur diese Sitzung</translation>
    </message>
</context>
<context>
    <name>pgha::Palette</name>
    <message>
        <source>Database node</source>
        <translation>Datenbankknoten</translation>
    </message>
    <message>
        <source>etcd node</source>
        <translation>etcd-Knoten</translation>
    </message>
    <message>
        <source>HAProxy node</source>
        <translation>HAProxy-Knoten</translation>
    </message>
    <message>
        <source>Combined node</source>
        <translation>Kombinierter Knoten</translation>
    </message>
    <message>
        <source>Subnet</source>
        <translation>Subnetz</translation>
    </message>
    <message>
        <source>PostgreSQL managed by Patroni</source>
        <translation>PostgreSQL, verwaltet von Patroni</translation>
    </message>
    <message>
        <source>A dedicated etcd member (the DCS)</source>
        <translation>Ein eigenes etcd-Mitglied (der DCS)</translation>
    </message>
    <message>
        <source>Load balancer routing to the primary (5000) and replicas (5001)</source>
        <translation>Load Balancer, leitet zum Primary (5000) und zu den Replicas (5001)</translation>
    </message>
    <message>
        <source>PostgreSQL + Patroni + etcd on one host</source>
        <translation>PostgreSQL + Patroni + etcd auf einem Host</translation>
    </message>
    <message>
        <source>A network zone; hosts dropped into it get its next free address</source>
        <translation>Eine Netzwerkzone; hineingezogene Hosts erhalten ihre nächste freie Adresse</translation>
    </message>
</context>
<context>
    <name>pgha::PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemvorgabe</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>&amp;Dashboard polling interval:</source>
        <translation>&amp;Abfrageintervall des Dashboards:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>&amp;Autosave every:</source>
        <translation>Automatisch &amp;sichern alle:</translation>
    </message>
    <message>
        <source>A new language applies the next time the application starts.</source>
        <translation>Eine neue Sprache gilt ab dem nächsten Programmstart.</translation>
    </message>
</context>
<context>
    <name>pgha::PreviewPanel</name>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>Rechte</translation>
    </message>
    <message>
        <source>Diff against last export</source>
        <translation>Unterschied zum letzten Export</translation>
    </message>
    <message>
        <source>Show what the current design changes in this file compared with the bundle exported last</source>
        <translation>Zeigen, was der aktuelle Entwurf in dieser Datei gegenüber dem zuletzt exportierten Bundle ändert</translation>
    </message>
    <message>
        <source>Bundle</source>
        <translation>Bundle</translation>
    </message>
    <message>
        <source>Nothing generated yet.</source>
        <translation>Noch nichts erzeugt.</translation>
    </message>
    <message>
        <source>Select a file.</source>
        <translation>Wählen Sie eine Datei.</translation>
    </message>
    <message>
        <source>  (unchanged since the last export)</source>
        <translation>  (unverändert seit dem letzten Export)</translation>
    </message>
    <message>
        <source>diff against last export</source>
        <translation>Unterschied zum letzten Export</translation>
    </message>
    <message>
        <source>new since the last export</source>
        <translation>neu seit dem letzten Export</translation>
    </message>
    <message>
        <source>mode %1, holds secrets</source>
        <translation>Rechte %1, enthält Kennwörter</translation>
    </message>
    <message>
        <source>mode %1</source>
        <translation>Rechte %1</translation>
    </message>
    <message>
        <source>Reveal secrets</source>
        <translation>Geheimnisse zeigen</translation>
    </message>
    <message>
        <source>Passwords and private keys are masked; show them in clear while this is on</source>
        <translation>Passwörter und private Schlüssel sind verdeckt; solange dies an ist, werden sie im Klartext gezeigt</translation>
    </message>
</context>
<context>
    <name>pgha::RecentFiles</name>
    <message>
        <source>Clear List</source>
        <translation>Liste leeren</translation>
    </message>
</context>
<context>
    <name>pgha::SecretsDialog</name>
    <message>
        <source>Cluster secrets</source>
        <translation>Cluster-Kennwörter</translation>
    </message>
    <message>
        <source>These passwords go into the generated files (mode 0600). They are never saved in the project file. Leave a field empty to have it generated.</source>
        <translation>Diese Kennwörter kommen in die erzeugten Dateien (Rechte 0600). Sie werden nie in der Projektdatei gespeichert. Lassen Sie ein Feld leer, um es erzeugen zu lassen.</translation>
    </message>
    <message>
        <source>Superuser password:</source>
        <translation>Superuser-Kennwort:</translation>
    </message>
    <message>
        <source>Replication password:</source>
        <translation>Replikationskennwort:</translation>
    </message>
    <message>
        <source>Rewind password:</source>
        <translation>Rewind-Kennwort:</translation>
    </message>
    <message>
        <source>Patroni REST API user:</source>
        <translation>Benutzer der Patroni-REST-API:</translation>
    </message>
    <message>
        <source>Patroni REST API password:</source>
        <translation>Kennwort der Patroni-REST-API:</translation>
    </message>
    <message>
        <source>HAProxy stats user:</source>
        <translation>Benutzer der HAProxy-Statistik:</translation>
    </message>
    <message>
        <source>HAProxy stats password:</source>
        <translation>Kennwort der HAProxy-Statistik:</translation>
    </message>
    <message>
        <source>Show passwords</source>
        <translation>Kennwörter anzeigen</translation>
    </message>
    <message>
        <source>Remember in the %1</source>
        <translation>Merken in: %1</translation>
    </message>
    <message>
        <source>Generate all</source>
        <translation>Alle erzeugen</translation>
    </message>
    <message>
        <source>Load file…</source>
        <translation>Datei laden…</translation>
    </message>
    <message>
        <source>Save file…</source>
        <translation>Datei speichern…</translation>
    </message>
    <message>
        <source>Load secrets</source>
        <translation>Kennwörter laden</translation>
    </message>
    <message>
        <source>Secrets (*.yaml *.yml)</source>
        <translation>Kennwörter (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Save secrets</source>
        <translation>Kennwörter speichern</translation>
    </message>
</context>
<context>
    <name>pgha::SubnetEditor</name>
    <message>
        <source>Subnet</source>
        <translation>Subnetz</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>e.g. 10.104.0.0/24</source>
        <translation>z. B. 10.104.0.0/24</translation>
    </message>
    <message>
        <source>&amp;CIDR:</source>
        <translation>&amp;CIDR:</translation>
    </message>
    <message>
        <source>Client applications connect from here</source>
        <translation>Client-Anwendungen verbinden sich von hier</translation>
    </message>
    <message>
        <source>Opens pg_hba and the firewall for this range</source>
        <translation>Öffnet pg_hba und die Firewall für diesen Bereich</translation>
    </message>
    <message>
        <source>Size the zone around its hosts</source>
        <translation>Die Zone an ihre Hosts anpassen</translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) in this subnet.</source>
        <translation>
            <numerusform>%n Host in diesem Subnetz.</numerusform>
            <numerusform>%n Hosts in diesem Subnetz.</numerusform>
        </translation>
    </message>
    <message>
        <source>No free IPv4 address known.</source>
        <translation>Keine freie IPv4-Adresse bekannt.</translation>
    </message>
    <message>
        <source>Next free address: %1</source>
        <translation>Nächste freie Adresse: %1</translation>
    </message>
</context>
</TS>
