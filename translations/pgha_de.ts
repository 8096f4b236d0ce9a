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
        <source>Client applications connect from here
(pg_hba and firewall admit this range)</source>
        <translation>Client-Anwendungen verbinden sich von hier
(pg_hba und Firewall lassen diesen Bereich zu)</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Backup</translation>
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
    <name>pgha::BackupActions</name>
    <message>
        <source>Back Up &amp;Now</source>
        <translation>Jetzt &amp;sichern</translation>
    </message>
    <message>
        <source>&amp;Full</source>
        <translation>&amp;Vollständig</translation>
    </message>
    <message>
        <source>&amp;Differential</source>
        <translation>&amp;Differenziell</translation>
    </message>
    <message>
        <source>&amp;Incremental</source>
        <translation>&amp;Inkrementell</translation>
    </message>
    <message>
        <source>&amp;Backups…</source>
        <translation>Si&amp;cherungen…</translation>
    </message>
    <message>
        <source>List the repository&apos;s backups (pgha backups)</source>
        <translation>Die Sicherungen im Repository auflisten (pgha backups)</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>&amp;Wiederherstellen…</translation>
    </message>
    <message>
        <source>Restore the whole cluster to a moment or to the latest state (pgha restore); stops the cluster</source>
        <translation>Den ganzen Cluster auf einen Zeitpunkt oder den neuesten Stand wiederherstellen (pgha restore); hält den Cluster an</translation>
    </message>
    <message>
        <source>The design has no backups: give a host the role backup (docs/backups.md).</source>
        <translation>Der Entwurf hat keine Sicherungen: Geben Sie einem Host die Rolle backup (docs/backups.md).</translation>
    </message>
    <message>
        <source>Preparing the %1 backup…</source>
        <translation>Bereite die Sicherung (%1) vor…</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Jetzt sichern</translation>
    </message>
    <message>
        <source>Back up cluster &quot;%1&quot;</source>
        <translation>Cluster &quot;%1&quot; sichern</translation>
    </message>
    <message>
        <source>A %1 backup of cluster &quot;%2&quot; into the repository on %3, as pgha backup --type %1 runs it. The cluster keeps running.</source>
        <translation>Eine Sicherung (%1) des Clusters &quot;%2&quot; in das Repository auf %3, wie pgha backup --type %1 sie ausführt. Der Cluster läuft weiter.</translation>
    </message>
    <message>
        <source>Start the %1 backup?</source>
        <translation>Die Sicherung (%1) starten?</translation>
    </message>
    <message>
        <source>Preparing the restore…</source>
        <translation>Bereite die Wiederherstellung vor…</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>the end of the WAL archive</source>
        <translation>das Ende des WAL-Archivs</translation>
    </message>
    <message>
        <source>Restore cluster &quot;%1&quot;</source>
        <translation>Cluster &quot;%1&quot; wiederherstellen</translation>
    </message>
    <message>
        <source>A point-in-time restore of the whole cluster to %1, as pgha restore runs it: the members stop, one is restored from the repository and bootstraps the cluster, the others are rebuilt as replicas. Every data directory is kept as &lt;data_dir&gt;.before-restore-%2.</source>
        <translation>Eine Wiederherstellung des ganzen Clusters auf %1, wie pgha restore sie ausführt: Die Mitglieder halten an, eines wird aus dem Repository wiederhergestellt und startet den Cluster neu, die anderen werden als Replicas neu aufgebaut. Jedes Datenverzeichnis bleibt als &lt;data_dir&gt;.before-restore-%2 erhalten.</translation>
    </message>
    <message>
        <source>This stops cluster &quot;%1&quot;: no reads or writes until the restore has finished, and every write after %2 is lost.</source>
        <translation>Dies hält den Cluster &quot;%1&quot; an: Kein Lesen und Schreiben, bis die Wiederherstellung fertig ist, und jeder Schreibvorgang nach %2 geht verloren.</translation>
    </message>
    <message>
        <source>Stop cluster &quot;%1&quot; and restore it to %2?</source>
        <translation>Cluster &quot;%1&quot; anhalten und auf %2 wiederherstellen?</translation>
    </message>
</context>
<context>
    <name>pgha::BackupPanel</name>
    <message>
        <source>Backups: %1</source>
        <translation>Sicherungen: %1</translation>
    </message>
    <message>
        <source>Backups (repository on %1): %2</source>
        <translation>Sicherungen (Repository auf %1): %2</translation>
    </message>
    <message>
        <source>pgbackrest info read at %1; it is read again every few minutes.</source>
        <translation>pgbackrest info gelesen um %1; es wird alle paar Minuten neu gelesen.</translation>
    </message>
</context>
<context>
    <name>pgha::BackupsDialog</name>
    <message>
        <source>Backups of cluster &quot;%1&quot;</source>
        <translation>Sicherungen des Clusters &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Sicherung</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Stopped (UTC)</source>
        <translation>Beendet (UTC)</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>In repository</source>
        <translation>Im Repository</translation>
    </message>
    <message>
        <source>WAL range</source>
        <translation>WAL-Bereich</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Aktualisieren</translation>
    </message>
    <message>
        <source>Reading the repository on %1…</source>
        <translation>Lese das Repository auf %1…</translation>
    </message>
    <message>
        <source>%1
The host key is unknown or changed: accept it on the Deploy page first.</source>
        <translation>%1
Der Host-Schlüssel ist unbekannt oder geändert: Nehmen Sie ihn zuerst auf der Seite Ausrollen an.</translation>
    </message>
    <message>
        <source>stanza %1: %2 (status %3)</source>
        <translation>Stanza %1: %2 (Status %3)</translation>
    </message>
    <message>
        <source>, a backup is running</source>
        <translation>, eine Sicherung läuft</translation>
    </message>
    <message>
        <source>WAL archive %1</source>
        <translation>WAL-Archiv %1</translation>
    </message>
    <message>
        <source> (checksum errors)</source>
        <translation> (Prüfsummenfehler)</translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s) in the repository on %1.</source>
        <translation>
            <numerusform>%n Sicherung im Repository auf %1.</numerusform>
            <numerusform>%n Sicherungen im Repository auf %1.</numerusform>
        </translation>
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
        <source>A first full backup as the deploy&apos;s last step</source>
        <translation>Eine erste Vollsicherung als letzter Schritt des Ausrollens</translation>
    </message>
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
    <message>
        <source>Floating address (keepalived)</source>
        <translation>Virtuelle Adresse (keepalived)</translation>
    </message>
    <message>
        <source>Address (empty = none):</source>
        <translation>Adresse (leer = keine):</translation>
    </message>
    <message>
        <source>Virtual router id:</source>
        <translation>Virtual-Router-ID:</translation>
    </message>
    <message>
        <source>Interface (empty = automatic):</source>
        <translation>Schnittstelle (leer = automatisch):</translation>
    </message>
    <message>
        <source>PgBouncer</source>
        <translation>PgBouncer</translation>
    </message>
    <message>
        <source>Pool connections with PgBouncer</source>
        <translation>Verbindungen mit PgBouncer bündeln</translation>
    </message>
    <message>
        <source>On each database host (behind HAProxy)</source>
        <translation>Auf jedem Datenbank-Host (hinter HAProxy)</translation>
    </message>
    <message>
        <source>On the HAProxy hosts (in front of HAProxy)</source>
        <translation>Auf den HAProxy-Hosts (vor HAProxy)</translation>
    </message>
    <message>
        <source>Placement:</source>
        <translation>Platzierung:</translation>
    </message>
    <message>
        <source>Change PgBouncer placement</source>
        <translation>PgBouncer-Platzierung ändern</translation>
    </message>
    <message>
        <source>Pool mode:</source>
        <translation>Pool-Modus:</translation>
    </message>
    <message>
        <source>Change PgBouncer pool mode</source>
        <translation>PgBouncer-Pool-Modus ändern</translation>
    </message>
    <message>
        <source>Default pool size:</source>
        <translation>Standard-Poolgröße:</translation>
    </message>
    <message>
        <source>Max client connections:</source>
        <translation>Max. Client-Verbindungen:</translation>
    </message>
    <message>
        <source>auth_query role:</source>
        <translation>auth_query-Rolle:</translation>
    </message>
    <message>
        <source>Backups (pgBackRest)</source>
        <translation>Sicherungen (pgBackRest)</translation>
    </message>
    <message>
        <source>Back up with pgBackRest (cluster.backup)</source>
        <translation>Mit pgBackRest sichern (cluster.backup)</translation>
    </message>
    <message>
        <source>Repository:</source>
        <translation>Repository:</translation>
    </message>
    <message>
        <source>Change backup repository</source>
        <translation>Sicherungs-Repository ändern</translation>
    </message>
    <message>
        <source>tls (pgBackRest&apos;s TLS server, cluster CA)</source>
        <translation>tls (TLS-Server von pgBackRest, Cluster-CA)</translation>
    </message>
    <message>
        <source>ssh (keys set up by hand)</source>
        <translation>ssh (Schlüssel von Hand eingerichtet)</translation>
    </message>
    <message>
        <source>Transport:</source>
        <translation>Transport:</translation>
    </message>
    <message>
        <source>Change backup transport</source>
        <translation>Sicherungs-Transport ändern</translation>
    </message>
    <message>
        <source>Repository path:</source>
        <translation>Repository-Pfad:</translation>
    </message>
    <message>
        <source>Full backups kept:</source>
        <translation>Aufbewahrte Vollsicherungen:</translation>
    </message>
    <message>
        <source>Full backup (OnCalendar):</source>
        <translation>Vollsicherung (OnCalendar):</translation>
    </message>
    <message>
        <source>Differential (empty = none):</source>
        <translation>Differenziell (leer = keine):</translation>
    </message>
    <message>
        <source>archive_timeout:</source>
        <translation>archive_timeout:</translation>
    </message>
    <message>
        <source>TLS server port:</source>
        <translation>TLS-Server-Port:</translation>
    </message>
    <message>
        <source>the host with the role backup</source>
        <translation>der Host mit der Rolle backup</translation>
    </message>
    <message>
        <source>local (on each database host; not recommended)</source>
        <translation>local (auf jedem Datenbank-Host; nicht empfohlen)</translation>
    </message>
    <message>
        <source>%1 (no host of role backup)</source>
        <translation>%1 (kein Host mit der Rolle backup)</translation>
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
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>WAL archiving: not read (%1)</source>
        <translation>WAL-Archivierung: nicht gelesen (%1)</translation>
    </message>
    <message>
        <source>WAL archiving on %1 FAILS: %2 failed at %3 (%4 failures); last archived %5 at %6</source>
        <translation>WAL-Archivierung auf %1 SCHLÄGT FEHL: %2 fehlgeschlagen um %3 (%4 Fehler); zuletzt archiviert %5 um %6</translation>
    </message>
    <message>
        <source>WAL archiving on %1: %2 archived, last %3 at %4; %5 failures</source>
        <translation>WAL-Archivierung auf %1: %2 archiviert, zuletzt %3 um %4; %5 Fehler</translation>
    </message>
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
    <message>
        <source>Not monitored: %1</source>
        <translation>Nicht überwacht: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Synchronous mode: no member can take a switchover now.</source>
        <translation>Synchroner Modus: Derzeit kann kein Mitglied einen Switchover übernehmen.</translation>
    </message>
    <message>
        <source>Synchronous mode: switchover only to %1.</source>
        <translation>Synchroner Modus: Switchover nur zu %1.</translation>
    </message>
    <message>
        <source>Switchover to selected</source>
        <translation>Switchover zum ausgewählten</translation>
    </message>
    <message>
        <source>Failover to selected</source>
        <translation>Failover zum ausgewählten</translation>
    </message>
    <message>
        <source>Restart</source>
        <translation>Neu starten</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Neu laden</translation>
    </message>
    <message>
        <source>Reinitialise</source>
        <translation>Neu initialisieren</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>Renew certificates…</source>
        <translation>Zertifikate erneuern…</translation>
    </message>
    <message>
        <source>New leaf certificates from the cluster CA, rolled out host by host on the Deploy page (the same plan as pgha certs renew)</source>
        <translation>Neue Zertifikate von der Cluster-CA, Host für Host auf der Seite „Deploy“ verteilt (derselbe Plan wie pgha certs renew)</translation>
    </message>
    <message>
        <source>Drift</source>
        <translation>Abweichungen</translation>
    </message>
    <message>
        <source>PgBouncer</source>
        <translation>PgBouncer</translation>
    </message>
</context>
<context>
    <name>pgha::DataPaths</name>
    <message>
        <source>the cluster name &quot;%1&quot; cannot name a data folder: use 1-63 characters from letters, digits, &apos;_&apos;, &apos;-&apos; and &apos;.&apos;, not starting with &apos;.&apos;</source>
        <translation>der Clustername &quot;%1&quot; kann keinen Datenordner benennen: 1-63 Zeichen aus Buchstaben, Ziffern, &apos;_&apos;, &apos;-&apos; und &apos;.&apos; verwenden, nicht mit &apos;.&apos; beginnend</translation>
    </message>
    <message>
        <source>cannot create the folder %1</source>
        <translation>der Ordner %1 kann nicht angelegt werden</translation>
    </message>
</context>
<context>
    <name>pgha::Deploy</name>
    <message>
        <source>a first full backup</source>
        <translation>eine erste Vollsicherung</translation>
    </message>
    <message>
        <source>cannot read the deploy journal: </source>
        <translation>Das Ausroll-Journal lässt sich nicht lesen: </translation>
    </message>
    <message>
        <source>the deploy journal is not valid JSON (%1); move it away to start afresh</source>
        <translation>Das Ausroll-Journal ist kein gültiges JSON (%1); verschieben Sie es, um neu zu beginnen</translation>
    </message>
    <message>
        <source>cannot write the deploy journal: </source>
        <translation>Das Ausroll-Journal lässt sich nicht schreiben: </translation>
    </message>
    <message>
        <source>   check (exit 0 = already done, nothing to do):
</source>
        <translation>   Prüfung (Exit-Code 0 = bereits erledigt, nichts zu tun):
</translation>
    </message>
    <message>
        <source> (poll until ready, at most %1 s)</source>
        <translation> (abfragen bis bereit, höchstens %1 s)</translation>
    </message>
    <message>
        <source>     file %1 mode %2 owner %3 size %4 sha256 %5%6
</source>
        <translation>     Datei %1 Rechte %2 Eigentümer %3 Größe %4 sha256 %5%6
</translation>
    </message>
    <message>
        <source>     (an identical file is left alone; a different one is first kept as &lt;name&gt;.pgha-&lt;UTC timestamp&gt;.bak; written as a temporary file, then renamed)
</source>
        <translation>     (eine identische Datei bleibt unberührt; eine abweichende wird zuerst als &lt;Name&gt;.pgha-&lt;UTC-Zeitstempel&gt;.bak aufbewahrt; geschrieben wird in eine temporäre Datei, die dann umbenannt wird)
</translation>
    </message>
    <message>
        <source>     stdin: %1 (%2 bytes, not shown)
</source>
        <translation>     stdin: %1 (%2 Bytes, nicht angezeigt)
</translation>
    </message>
    <message>
        <source>check the host</source>
        <translation>Host prüfen</translation>
    </message>
    <message>
        <source>OS, free ports, disk, existing data</source>
        <translation>Betriebssystem, freie Ports, Plattenplatz, vorhandene Daten</translation>
    </message>
    <message>
        <source>install packages</source>
        <translation>Pakete installieren</translation>
    </message>
    <message>
        <source>write the configuration files</source>
        <translation>Konfigurationsdateien schreiben</translation>
    </message>
    <message>
        <source>place the generated files</source>
        <translation>Erzeugte Dateien ablegen</translation>
    </message>
    <message>
        <source>start etcd</source>
        <translation>etcd starten</translation>
    </message>
    <message>
        <source>wait for etcd quorum</source>
        <translation>Auf das etcd-Quorum warten</translation>
    </message>
    <message>
        <source>every etcd member healthy</source>
        <translation>Jedes etcd-Mitglied gesund</translation>
    </message>
    <message>
        <source>start Patroni</source>
        <translation>Patroni starten</translation>
    </message>
    <message>
        <source>wait for the Patroni leader</source>
        <translation>Auf den Patroni-Leader warten</translation>
    </message>
    <message>
        <source>a leader in /cluster</source>
        <translation>Ein Leader in /cluster</translation>
    </message>
    <message>
        <source>wait until every replica runs</source>
        <translation>Warten, bis jede Replica läuft</translation>
    </message>
    <message>
        <source>every member running, replicas with a known lag</source>
        <translation>Jedes Mitglied läuft, Replicas mit bekanntem Verzug</translation>
    </message>
    <message>
        <source>start HAProxy</source>
        <translation>HAProxy starten</translation>
    </message>
    <message>
        <source>wait for HAProxy to route to the leader</source>
        <translation>Warten, bis HAProxy zum Leader leitet</translation>
    </message>
    <message>
        <source>exactly one server UP in the primary pool</source>
        <translation>Genau ein Server UP im Primary-Pool</translation>
    </message>
    <message>
        <source>the HAProxy stats user and password</source>
        <translation>Benutzer und Kennwort der HAProxy-Statistik</translation>
    </message>
    <message>
        <source>check writes and reads through HAProxy on %1</source>
        <translation>Schreiben und Lesen über HAProxy auf %1 prüfen</translation>
    </message>
    <message>
        <source>write via port %1, read from a replica via port %2</source>
        <translation>Schreiben über Port %1, Lesen von einer Replica über Port %2</translation>
    </message>
    <message>
        <source>the superuser password</source>
        <translation>das Superuser-Kennwort</translation>
    </message>
    <message>
        <source>port %1 reaches the leader, port %2 a replica (by their certificates)</source>
        <translation>Port %1 erreicht den Leader, Port %2 eine Replica (an ihren Zertifikaten)</translation>
    </message>
    <message>
        <source>the design says a Debian-family OS, the host runs &quot;%1 %2&quot;</source>
        <translation>Der Entwurf sieht ein Betriebssystem der Debian-Familie vor, auf dem Host läuft &quot;%1 %2&quot;</translation>
    </message>
    <message>
        <source>the design says a RHEL-family OS, the host runs &quot;%1 %2&quot;</source>
        <translation>Der Entwurf sieht ein Betriebssystem der RHEL-Familie vor, auf dem Host läuft &quot;%1 %2&quot;</translation>
    </message>
    <message>
        <source>only %1 MiB free under /var/lib</source>
        <translation>Unter /var/lib sind nur %1 MiB frei</translation>
    </message>
    <message>
        <source>port %1 is already in use on %2 (%3) by something other than %4</source>
        <translation>Port %1 ist auf %2 (%3) bereits von etwas anderem als %4 belegt</translation>
    </message>
    <message>
        <source>%1 already holds a PostgreSQL data directory (PG_VERSION) that this deploy did not create: refusing to initialise over it. Move it away, or adopt it as it is with --adopt-existing-data (it is then never removed)</source>
        <translation>%1 enthält bereits ein PostgreSQL-Datenverzeichnis (PG_VERSION), das dieses Ausrollen nicht angelegt hat: Es wird nicht überschrieben. Verschieben Sie es oder übernehmen Sie es unverändert mit --adopt-existing-data (es wird dann nie entfernt)</translation>
    </message>
    <message>
        <source>%1 already holds etcd data (member/) that this deploy did not create: refusing to bootstrap a new cluster over it. Move it away, or adopt it with --adopt-existing-data</source>
        <translation>%1 enthält bereits etcd-Daten (member/), die dieses Ausrollen nicht angelegt hat: Darüber wird kein neuer Cluster aufgesetzt. Verschieben Sie sie oder übernehmen Sie sie mit --adopt-existing-data</translation>
    </message>
    <message>
        <source>%1 of %2 servers UP in the primary pool</source>
        <translation>%1 von %2 Servern UP im Primary-Pool</translation>
    </message>
    <message>
        <source>done in the interrupted run</source>
        <translation>im unterbrochenen Lauf erledigt</translation>
    </message>
    <message>
        <source>cancelling: no new step starts; running steps stop at their next check</source>
        <translation>Abbruch: Kein neuer Schritt beginnt; laufende Schritte halten bei ihrer nächsten Prüfung an</translation>
    </message>
    <message>
        <source>%1 on %2: %3</source>
        <translation>%1 auf %2: %3</translation>
    </message>
    <message>
        <source>FAILED: %1. %2 steps changed something, %3 found nothing to do, %4 not run. Fix the cause and run again: the run resumes after the last completed step.</source>
        <translation>FEHLGESCHLAGEN: %1. %2 Schritte haben etwas geändert, %3 fanden nichts zu tun, %4 liefen nicht. Beheben Sie die Ursache und starten Sie erneut: Der Lauf setzt nach dem letzten abgeschlossenen Schritt fort.</translation>
    </message>
    <message>
        <source>cancelled: %1 steps done, %2 not run; run again to resume</source>
        <translation>Abgebrochen: %1 Schritte erledigt, %2 nicht ausgeführt; erneut starten, um fortzusetzen</translation>
    </message>
    <message>
        <source>nothing to do: all %1 steps found the cluster as designed; nothing was changed</source>
        <translation>Nichts zu tun: Alle %1 Schritte fanden den Cluster wie entworfen vor; nichts wurde geändert</translation>
    </message>
    <message>
        <source>done: %1 steps changed something, %2 found nothing to do%3</source>
        <translation>Fertig: %1 Schritte haben etwas geändert, %2 fanden nichts zu tun%3</translation>
    </message>
    <message>
        <source>, %1 were done by the interrupted run</source>
        <translation>, %1 erledigte bereits der unterbrochene Lauf</translation>
    </message>
    <message>
        <source>exit code %1%2</source>
        <translation>Exit-Code %1%2</translation>
    </message>
    <message>
        <source>connecting to %1@%2 port %3</source>
        <translation>Verbinde mit %1@%2 Port %3</translation>
    </message>
    <message>
        <source>connected, host key %1</source>
        <translation>Verbunden, Host-Schlüssel %1</translation>
    </message>
    <message>
        <source>connection lost (%1), reconnecting</source>
        <translation>Verbindung verloren (%1), verbinde neu</translation>
    </message>
    <message>
        <source>state check failed: </source>
        <translation>Zustandsprüfung fehlgeschlagen: </translation>
    </message>
    <message>
        <source>already done</source>
        <translation>bereits erledigt</translation>
    </message>
    <message>
        <source>%1, services via %2</source>
        <translation>%1, Dienste über %2</translation>
    </message>
    <message>
        <source>unknown operation</source>
        <translation>unbekannte Operation</translation>
    </message>
    <message>
        <source>%1: same content, mode/owner set to %2 %3</source>
        <translation>%1: gleicher Inhalt, Rechte/Eigentümer auf %2 %3 gesetzt</translation>
    </message>
    <message>
        <source>wrote %1 (%2 bytes, mode %3, owner %4)%5</source>
        <translation>%1 geschrieben (%2 Bytes, Rechte %3, Eigentümer %4)%5</translation>
    </message>
    <message>
        <source>ready after %1 s: %2</source>
        <translation>bereit nach %1 s: %2</translation>
    </message>
    <message>
        <source>ready after %1 s</source>
        <translation>bereit nach %1 s</translation>
    </message>
    <message>
        <source>not ready after %1 s (last: %2); see the service logs under /var/log on the host</source>
        <translation>nach %1 s nicht bereit (zuletzt: %2); siehe die Dienstprotokolle unter /var/log auf dem Host</translation>
    </message>
    <message>
        <source>not ready after %1 s (last: %2); see journalctl -u %3 on the host</source>
        <translation>nach %1 s nicht bereit (zuletzt: %2); siehe journalctl -u %3 auf dem Host</translation>
    </message>
    <message>
        <source>not ready after %1 s (last: %2); see the services&apos; journal on the host (journalctl)</source>
        <translation>nach %1 s nicht bereit (zuletzt: %2); siehe das Journal der Dienste auf dem Host (journalctl)</translation>
    </message>
    <message>
        <source>could not read the service log: %1</source>
        <translation>Das Dienstprotokoll konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>     on failure, the log shows: $ </source>
        <translation>     bei einem Fehler zeigt das Protokoll: $ </translation>
    </message>
    <message>
        <source>%1 re-reads its changed files</source>
        <translation>%1 liest seine geänderten Dateien neu ein</translation>
    </message>
    <message>
        <source>libssh could not create a session</source>
        <translation>libssh konnte keine Sitzung anlegen</translation>
    </message>
    <message>
        <source>cannot connect to %1 (%2 port %3)</source>
        <translation>Verbindung zu %1 (%2 Port %3) nicht möglich</translation>
    </message>
    <message>
        <source>no host key from %1</source>
        <translation>kein Host-Schlüssel von %1</translation>
    </message>
    <message>
        <source>cannot hash the host key</source>
        <translation>Der Host-Schlüssel lässt sich nicht hashen</translation>
    </message>
    <message>
        <source>%1 (%2 port %3)</source>
        <translation>%1 (%2 Port %3)</translation>
    </message>
    <message>
        <source>the host key of %1 has CHANGED (the server now offers %2 %3, %4 holds another key). Refused. Check the key on the host&apos;s console (ssh-keygen -lf /etc/ssh/ssh_host_%5_key.pub); only if it matches, remove the old entry with: ssh-keygen -R %6 -f %4</source>
        <translation>Der Host-Schlüssel von %1 hat sich GEÄNDERT (der Server bietet jetzt %2 %3 an, %4 enthält einen anderen Schlüssel). Abgelehnt. Prüfen Sie den Schlüssel an der Konsole des Hosts (ssh-keygen -lf /etc/ssh/ssh_host_%5_key.pub); nur wenn er übereinstimmt, entfernen Sie den alten Eintrag mit: ssh-keygen -R %6 -f %4</translation>
    </message>
    <message>
        <source>the host key of %1 is not known (%2 %3) and was not accepted; compare it with the host&apos;s own (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub) and accept it (--accept-new-host-keys in the CLI)</source>
        <translation>Der Host-Schlüssel von %1 ist unbekannt (%2 %3) und wurde nicht angenommen; vergleichen Sie ihn mit dem des Hosts (ssh-keygen -lf /etc/ssh/ssh_host_*_key.pub) und nehmen Sie ihn an (--accept-new-host-keys auf der Kommandozeile)</translation>
    </message>
    <message>
        <source>cannot add the host key to %1</source>
        <translation>Der Host-Schlüssel lässt sich nicht zu %1 hinzufügen</translation>
    </message>
    <message>
        <source>cannot check the host key against %1</source>
        <translation>Der Host-Schlüssel lässt sich nicht gegen %1 prüfen</translation>
    </message>
    <message>
        <source>key file %1 does not exist</source>
        <translation>Schlüsseldatei %1 existiert nicht</translation>
    </message>
    <message>
        <source>agent and default keys</source>
        <translation>Agent und Standardschlüssel</translation>
    </message>
    <message>
        <source>authentication as %1 on %2 failed (tried: %3)</source>
        <translation>Anmeldung als %1 auf %2 fehlgeschlagen (versucht: %3)</translation>
    </message>
    <message>
        <source>nothing the server offers</source>
        <translation>nichts, was der Server anbietet</translation>
    </message>
    <message>
        <source>not connected</source>
        <translation>nicht verbunden</translation>
    </message>
    <message>
        <source>cannot open a channel</source>
        <translation>Kanal lässt sich nicht öffnen</translation>
    </message>
    <message>
        <source>cannot start the command</source>
        <translation>Befehl lässt sich nicht starten</translation>
    </message>
    <message>
        <source>cannot send input</source>
        <translation>Eingabe lässt sich nicht senden</translation>
    </message>
    <message>
        <source>no end after %1 s</source>
        <translation>kein Ende nach %1 s</translation>
    </message>
    <message>
        <source>reading the output failed</source>
        <translation>Lesen der Ausgabe fehlgeschlagen</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>keine Antwort</translation>
    </message>
    <message>
        <source>key %1</source>
        <translation>Schlüssel %1</translation>
    </message>
    <message>
        <source>install Patroni %1 with pip</source>
        <translation>Patroni %1 mit pip installieren</translation>
    </message>
    <message>
        <source>pip install the pinned Patroni %1 into %2</source>
        <translation>Den festgelegten Paketsatz von Patroni %1 mit pip nach %2 installieren</translation>
    </message>
    <message>
        <source>renew etcd&apos;s certificate (restart, one member at a time)</source>
        <translation>Zertifikat von etcd erneuern (Neustart, ein Mitglied nach dem anderen)</translation>
    </message>
    <message>
        <source>write the new certificate and etcd&apos;s key</source>
        <translation>Neues Zertifikat und Schlüssel von etcd schreiben</translation>
    </message>
    <message>
        <source>stop etcd</source>
        <translation>etcd stoppen</translation>
    </message>
    <message>
        <source>etcd presents the new certificate</source>
        <translation>etcd zeigt das neue Zertifikat</translation>
    </message>
    <message>
        <source>renew the leader&apos;s certificate (after a switchover)</source>
        <translation>Zertifikat des Leaders erneuern (nach einem Switchover)</translation>
    </message>
    <message>
        <source>renew Patroni&apos;s and PostgreSQL&apos;s certificate (reload)</source>
        <translation>Zertifikat von Patroni und PostgreSQL erneuern (Reload)</translation>
    </message>
    <message>
        <source>switch over if this member leads</source>
        <translation>Switchover, falls dieses Mitglied Leader ist</translation>
    </message>
    <message>
        <source>the REST API user and password</source>
        <translation>Benutzer und Kennwort der REST-API</translation>
    </message>
    <message>
        <source>write the new certificate and the postgres key</source>
        <translation>Neues Zertifikat und den postgres-Schlüssel schreiben</translation>
    </message>
    <message>
        <source>reload Patroni and PostgreSQL</source>
        <translation>Patroni und PostgreSQL neu laden</translation>
    </message>
    <message>
        <source>the REST API presents the new certificate</source>
        <translation>Die REST-API zeigt das neue Zertifikat</translation>
    </message>
    <message>
        <source>PostgreSQL presents the new certificate</source>
        <translation>PostgreSQL zeigt das neue Zertifikat</translation>
    </message>
    <message>
        <source>cluster.name &quot;%1&quot; cannot name a data folder; give the journal and the secrets file</source>
        <translation>cluster.name „%1“ taugt nicht als Name eines Datenordners; Journal und Secrets-Datei angeben</translation>
    </message>
    <message>
        <source>no secrets file %1 (the deployed cluster&apos;s secrets hold its CA)</source>
        <translation>keine Secrets-Datei %1 (die Secrets des ausgerollten Clusters enthalten seine CA)</translation>
    </message>
    <message>
        <source>Patroni wrote the design&apos;s pg_hba.conf and reloaded PostgreSQL</source>
        <translation>Patroni hat die pg_hba.conf des Entwurfs geschrieben und PostgreSQL neu geladen</translation>
    </message>
    <message>
        <source>pg_hba.conf holds the design&apos;s lines</source>
        <translation>pg_hba.conf enthält die Zeilen des Entwurfs</translation>
    </message>
    <message>
        <source>PATCH Patroni&apos;s dynamic configuration, read it back</source>
        <translation>Dynamische Konfiguration von Patroni per PATCH ändern und zurücklesen</translation>
    </message>
    <message>
        <source>PATCH /config (%1 keys), read back</source>
        <translation>PATCH /config (%1 Schlüssel), zurückgelesen</translation>
    </message>
    <message>
        <source>reload PostgreSQL&apos;s parameters through Patroni</source>
        <translation>Parameter von PostgreSQL über Patroni neu laden</translation>
    </message>
    <message>
        <source>POST /reload</source>
        <translation>POST /reload</translation>
    </message>
    <message>
        <source>switch over to a healthy replica, then restart the former leader</source>
        <translation>Switchover auf eine gesunde Replica, dann den bisherigen Leader neu starten</translation>
    </message>
    <message>
        <source>restart PostgreSQL (rolling, one member at a time)</source>
        <translation>PostgreSQL neu starten (rollierend, ein Mitglied nach dem anderen)</translation>
    </message>
    <message>
        <source>start PgBouncer</source>
        <translation>PgBouncer starten</translation>
    </message>
    <message>
        <source>wait for PgBouncer to listen</source>
        <translation>warten, bis PgBouncer Verbindungen annimmt</translation>
    </message>
    <message>
        <source>PgBouncer accepts connections on port %1</source>
        <translation>PgBouncer nimmt Verbindungen auf Port %1 an</translation>
    </message>
    <message>
        <source>create PgBouncer&apos;s auth_query role and lookup function</source>
        <translation>auth_query-Rolle und Lookup-Funktion von PgBouncer anlegen</translation>
    </message>
    <message>
        <source>role %1 and pgha_pooler.lookup() in postgres and template1</source>
        <translation>Rolle %1 und pgha_pooler.lookup() in postgres und template1</translation>
    </message>
    <message>
        <source>SQL with the PgBouncer auth_user&apos;s password</source>
        <translation>SQL mit dem Kennwort des PgBouncer-auth_user</translation>
    </message>
    <message>
        <source>the PgBouncer auth_user&apos;s password</source>
        <translation>das Kennwort des PgBouncer-auth_user</translation>
    </message>
    <message>
        <source>restart through Patroni, wait until every replica streams again</source>
        <translation>Über Patroni neu starten, warten, bis jede Replica wieder streamt</translation>
    </message>
    <message>
        <source>wait until every member runs, the new ones as replicas</source>
        <translation>warten, bis jedes Mitglied läuft, die neuen als Replikate</translation>
    </message>
    <message>
        <source>topology %1: not removed (its name or address %2 from /cluster is not usable)</source>
        <translation>Topologie %1: nicht entfernt (ihr Name oder ihre Adresse %2 aus /cluster ist nicht verwendbar)</translation>
    </message>
    <message>
        <source>stop Patroni on the member that leaves (it must not lead)</source>
        <translation>Patroni auf dem ausscheidenden Mitglied stoppen (es darf nicht führen)</translation>
    </message>
    <message>
        <source>refuse if it leads</source>
        <translation>ablehnen, wenn es führt</translation>
    </message>
    <message>
        <source>stop Patroni (and its PostgreSQL)</source>
        <translation>Patroni (und sein PostgreSQL) stoppen</translation>
    </message>
    <message>
        <source>wait until /cluster no longer lists %1</source>
        <translation>warten, bis /cluster %1 nicht mehr aufführt</translation>
    </message>
    <message>
        <source>%1 gone from /cluster</source>
        <translation>%1 nicht mehr in /cluster</translation>
    </message>
    <message>
        <source>delete the data directory of the member that left (--purge)</source>
        <translation>das Datenverzeichnis des ausgeschiedenen Mitglieds löschen (--purge)</translation>
    </message>
    <message>
        <source>delete %1</source>
        <translation>%1 löschen</translation>
    </message>
    <message>
        <source>start keepalived (floating address %1)</source>
        <translation>keepalived starten (virtuelle Adresse %1)</translation>
    </message>
    <message>
        <source>start keepalived</source>
        <translation>keepalived starten</translation>
    </message>
    <message>
        <source>wait for the floating address</source>
        <translation>auf die virtuelle Adresse warten</translation>
    </message>
    <message>
        <source>HAProxy answers on %1</source>
        <translation>HAProxy antwortet auf %1</translation>
    </message>
    <message>
        <source>start pgBackRest&apos;s TLS server</source>
        <translation>TLS-Server von pgBackRest starten</translation>
    </message>
    <message>
        <source>start pgbackrest server</source>
        <translation>pgbackrest server starten</translation>
    </message>
    <message>
        <source>create the pgBackRest stanza</source>
        <translation>Die pgBackRest-Stanza anlegen</translation>
    </message>
    <message>
        <source>the repository directory</source>
        <translation>Das Repository-Verzeichnis</translation>
    </message>
    <message>
        <source>pgbackrest stanza-create</source>
        <translation>pgbackrest stanza-create</translation>
    </message>
    <message>
        <source>check WAL archiving into the repository</source>
        <translation>WAL-Archivierung ins Repository prüfen</translation>
    </message>
    <message>
        <source>pgbackrest check (a WAL segment reaches the archive)</source>
        <translation>pgbackrest check (ein WAL-Segment erreicht das Archiv)</translation>
    </message>
    <message>
        <source>enable the backup schedule</source>
        <translation>Den Sicherungsplan aktivieren</translation>
    </message>
    <message>
        <source>systemd timers, or the crontab without systemd</source>
        <translation>systemd-Timer, ohne systemd die Crontab</translation>
    </message>
    <message>
        <source>pgBackRest %1 backup</source>
        <translation>pgBackRest-Sicherung (%1)</translation>
    </message>
    <message>
        <source>pgbackrest --type=%1 backup</source>
        <translation>pgbackrest --type=%1 backup</translation>
    </message>
    <message>
        <source>note the cluster&apos;s timeline</source>
        <translation>Die Timeline des Clusters notieren</translation>
    </message>
    <message>
        <source>the timeline of the running cluster</source>
        <translation>Die Timeline des laufenden Clusters</translation>
    </message>
    <message>
        <source>archive the primary&apos;s current WAL</source>
        <translation>Das aktuelle WAL des Primary archivieren</translation>
    </message>
    <message>
        <source>pg_switch_wal() on the primary, wait until archived</source>
        <translation>pg_switch_wal() auf dem Primary, warten bis archiviert</translation>
    </message>
    <message>
        <source>stop Patroni if this member is a replica</source>
        <translation>Patroni stoppen, wenn dieses Mitglied eine Replica ist</translation>
    </message>
    <message>
        <source>stop a replica</source>
        <translation>Eine Replica stoppen</translation>
    </message>
    <message>
        <source>stop Patroni</source>
        <translation>Patroni stoppen</translation>
    </message>
    <message>
        <source>stop Patroni and PostgreSQL</source>
        <translation>Patroni und PostgreSQL stoppen</translation>
    </message>
    <message>
        <source>remove the cluster from the DCS</source>
        <translation>Den Cluster aus dem DCS entfernen</translation>
    </message>
    <message>
        <source>patronictl remove (the initialize key must go, or the bootstrap method is ignored)</source>
        <translation>patronictl remove (der initialize-Schlüssel muss weg, sonst wird die Bootstrap-Methode ignoriert)</translation>
    </message>
    <message>
        <source>the answers to patronictl&apos;s questions (the cluster name, &quot;Yes I am aware&quot;)</source>
        <translation>die Antworten auf die Fragen von patronictl (der Clustername, &quot;Yes I am aware&quot;)</translation>
    </message>
    <message>
        <source>keep the old data directory aside</source>
        <translation>Das alte Datenverzeichnis beiseitelegen</translation>
    </message>
    <message>
        <source>move the data directory aside</source>
        <translation>Das Datenverzeichnis beiseiteschieben</translation>
    </message>
    <message>
        <source>restore the first member to the target and bootstrap the cluster from it</source>
        <translation>Das erste Mitglied auf das Ziel wiederherstellen und den Cluster daraus aufsetzen</translation>
    </message>
    <message>
        <source>Patroni&apos;s configuration with the pitr bootstrap</source>
        <translation>Patronis Konfiguration mit dem pitr-Bootstrap</translation>
    </message>
    <message>
        <source>a leader in /cluster (restore, recovery to the target, promotion)</source>
        <translation>Ein Leader in /cluster (Wiederherstellung, Recovery bis zum Ziel, Promotion)</translation>
    </message>
    <message>
        <source>the normal configuration back</source>
        <translation>Die normale Konfiguration zurück</translation>
    </message>
    <message>
        <source>switch WAL and wait until the new timeline is archived</source>
        <translation>WAL wechseln und warten, bis die neue Timeline archiviert ist</translation>
    </message>
    <message>
        <source>pg_switch_wal()</source>
        <translation>pg_switch_wal()</translation>
    </message>
    <message>
        <source>pg_stat_archiver reached the switched segment</source>
        <translation>pg_stat_archiver hat das gewechselte Segment erreicht</translation>
    </message>
    <message>
        <source>a new full backup</source>
        <translation>Eine neue Vollsicherung</translation>
    </message>
    <message>
        <source>pgbackrest --type=full backup</source>
        <translation>pgbackrest --type=full backup</translation>
    </message>
    <message>
        <source>start Patroni: a replica from the repository</source>
        <translation>Patroni starten: eine Replica aus dem Repository</translation>
    </message>
    <message>
        <source>wait until every member runs</source>
        <translation>Warten, bis jedes Mitglied läuft</translation>
    </message>
    <message>
        <source>every etcd member healthy again (before the next restart)</source>
        <translation>jedes etcd-Mitglied wieder gesund (vor dem nächsten Neustart)</translation>
    </message>
    <message>
        <source>etcd membership: not changed (no member of the design that stays answers)</source>
        <translation>etcd-Mitgliedschaft: nicht geändert (kein bleibendes Mitglied des Entwurfs antwortet)</translation>
    </message>
    <message>
        <source>etcd members, one at a time: %1</source>
        <translation>etcd-Mitglieder, eines nach dem anderen: %1</translation>
    </message>
    <message>
        <source>etcd: every member started and healthy before its membership changes</source>
        <translation>etcd: jedes Mitglied gestartet und gesund, bevor sich die Mitgliedschaft ändert</translation>
    </message>
    <message>
        <source>etcdctl member list, endpoint health --cluster</source>
        <translation>etcdctl member list, endpoint health --cluster</translation>
    </message>
    <message>
        <source>etcd member add %1 (on a member that stays)</source>
        <translation>etcd member add %1 (auf einem bleibenden Mitglied)</translation>
    </message>
    <message>
        <source>refuse unless every member is healthy and the running ones stay a majority; member add</source>
        <translation>verweigern, außer jedes Mitglied ist gesund und die laufenden bleiben eine Mehrheit; member add</translation>
    </message>
    <message>
        <source>start etcd as a member joining the running cluster (initial-cluster-state existing)</source>
        <translation>etcd als Mitglied starten, das dem laufenden Cluster beitritt (initial-cluster-state existing)</translation>
    </message>
    <message>
        <source>start etcd (initial cluster: %1)</source>
        <translation>etcd starten (initial cluster: %1)</translation>
    </message>
    <message>
        <source>wait until %1 is started and every etcd member healthy</source>
        <translation>warten, bis %1 gestartet und jedes etcd-Mitglied gesund ist</translation>
    </message>
    <message>
        <source>%1 started, every member healthy</source>
        <translation>%1 gestartet, jedes Mitglied gesund</translation>
    </message>
    <message>
        <source>drop the join settings of the first start</source>
        <translation>die Beitrittseinstellungen des ersten Starts entfernen</translation>
    </message>
    <message>
        <source>etcd member remove %1 (on a member that stays; leadership moved away first)</source>
        <translation>etcd member remove %1 (auf einem bleibenden Mitglied; die Führung vorher verlegt)</translation>
    </message>
    <message>
        <source>move the leadership away if it leads, then member remove</source>
        <translation>die Führung verlegen, falls es führt, dann member remove</translation>
    </message>
    <message>
        <source>etcd %1: removed from the member list; etcd not stopped there (its name or address %2 is not usable)</source>
        <translation>etcd %1: aus der Mitgliederliste entfernt; etcd dort nicht gestoppt (Name oder Adresse %2 unbrauchbar)</translation>
    </message>
    <message>
        <source>stop etcd on the member that left, delete its data directory (--purge)</source>
        <translation>etcd auf dem ausgeschiedenen Mitglied stoppen, sein Datenverzeichnis löschen (--purge)</translation>
    </message>
    <message>
        <source>stop etcd on the member that left (its data directory kept)</source>
        <translation>etcd auf dem ausgeschiedenen Mitglied stoppen (sein Datenverzeichnis bleibt)</translation>
    </message>
    <message>
        <source>install the design&apos;s release (the running one stays until the restart)</source>
        <translation>die Version des Entwurfs installieren (die laufende bleibt bis zum Neustart)</translation>
    </message>
    <message>
        <source>install PostgreSQL&apos;s package %1</source>
        <translation>das PostgreSQL-Paket %1 installieren</translation>
    </message>
    <message>
        <source>restart so that the new release runs (rolling, one member at a time)</source>
        <translation>neu starten, damit die neue Version läuft (rollierend, ein Mitglied nach dem anderen)</translation>
    </message>
    <message>
        <source>restart, wait for the new release and until every replica streams again</source>
        <translation>neu starten, auf die neue Version warten und bis jedes Replikat wieder streamt</translation>
    </message>
    <message>
        <source>the firewall re-reads its changed rules (where it is on)</source>
        <translation>die Firewall liest ihre geänderten Regeln neu ein (wo sie eingeschaltet ist)</translation>
    </message>
    <message>
        <source>topology %1: HAProxy not stopped (its name or address %2 is not usable)</source>
        <translation>Topologie %1: HAProxy nicht gestoppt (Name oder Adresse %2 ist nicht verwendbar)</translation>
    </message>
    <message>
        <source>stop HAProxy on the host that leaves (its files kept)</source>
        <translation>HAProxy auf dem ausscheidenden Host stoppen (seine Dateien bleiben)</translation>
    </message>
    <message>
        <source>stop HAProxy and keepalived, disable them under systemd</source>
        <translation>HAProxy und keepalived stoppen, unter systemd deaktivieren</translation>
    </message>
    <message>
        <source>PostgreSQL presents its new certificate (it names the joining HAProxy host)</source>
        <translation>PostgreSQL zeigt sein neues Zertifikat (es nennt den hinzukommenden HAProxy-Host)</translation>
    </message>
    <message>
        <source>reload PostgreSQL (pg_reload_conf)</source>
        <translation>PostgreSQL neu laden (pg_reload_conf)</translation>
    </message>
    <message>
        <source>its certificate names the joining HAProxy host</source>
        <translation>sein Zertifikat nennt den hinzukommenden HAProxy-Host</translation>
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
    <message>
        <source>Busy: renew the certificates once the current run has finished.</source>
        <translation>Beschäftigt: Zertifikate erst nach dem laufenden Durchgang erneuern.</translation>
    </message>
    <message>
        <source>Preparing the certificate renewal (issuing new certificates)…</source>
        <translation>Zertifikatserneuerung wird vorbereitet (neue Zertifikate werden ausgestellt)…</translation>
    </message>
    <message>
        <source>Cannot renew the certificates: %1</source>
        <translation>Die Zertifikate können nicht erneuert werden: %1</translation>
    </message>
    <message>
        <source>unknown (the monitor saw none)</source>
        <translation>unbekannt (der Monitor hat keinen gesehen)</translation>
    </message>
    <message>
        <source>Certificate renewal: %1 steps on %2 hosts, listed above. Nothing has been changed yet.</source>
        <translation>Zertifikatserneuerung: %1 Schritte auf %2 Hosts, oben aufgeführt. Noch wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Renew the certificates of cluster &quot;%1&quot; on %2 hosts?

New certificates for: %3. The cluster CA is kept. etcd members restart one at a time; PostgreSQL hosts reload, replicas first, the leader (%4) last after a switchover. The previous secrets are kept beside the file as .before-renew.</source>
        <translation>Die Zertifikate von Cluster „%1“ auf %2 Hosts erneuern?

Neue Zertifikate für: %3. Die Cluster-CA bleibt. etcd-Mitglieder starten einzeln neu; PostgreSQL-Hosts laden neu, zuerst die Replicas, der Leader (%4) zuletzt nach einem Switchover. Die bisherigen Secrets bleiben als .before-renew neben der Datei.</translation>
    </message>
    <message>
        <source>Renew certificates</source>
        <translation>Zertifikate erneuern</translation>
    </message>
    <message>
        <source>Certificate renewal not confirmed: nothing was changed.</source>
        <translation>Zertifikatserneuerung nicht bestätigt: nichts wurde geändert.</translation>
    </message>
    <message>
        <source>new certificates written to %1 (the previous secrets: %1.before-renew)</source>
        <translation>neue Zertifikate in %1 geschrieben (die bisherigen Secrets: %1.before-renew)</translation>
    </message>
    <message>
        <source>Renewing the certificates...</source>
        <translation>Die Zertifikate werden erneuert...</translation>
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
</context>
<context>
    <name>pgha::Document</name>
    <message>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
</context>
<context>
    <name>pgha::DocumentFiles</name>
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
        <source>Open design</source>
        <translation>Entwurf öffnen</translation>
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
        <source>PG HA designs (*.pgha.yaml);;YAML (*.yaml *.yml)</source>
        <translation>PG-HA-Entwürfe (*.pgha.yaml);;YAML (*.yaml *.yml)</translation>
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
    <message numerus="yes">
        <source>%n more autosaved design(s) kept: File ▸ Recover Autosaved Designs offers them.</source>
        <translation>
            <numerusform>%n weiterer automatisch gesicherter Entwurf behalten: Datei ▸ Automatisch gesicherte Entwürfe wiederherstellen bietet ihn an.</numerusform>
            <numerusform>%n weitere automatisch gesicherte Entwürfe behalten: Datei ▸ Automatisch gesicherte Entwürfe wiederherstellen bietet sie an.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pgha::Drift</name>
    <message>
        <source>host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>present</source>
        <translation>vorhanden</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>nicht erreichbar</translation>
    </message>
    <message>
        <source>not probed</source>
        <translation>nicht abgefragt</translation>
    </message>
    <message>
        <source>sha256 %1</source>
        <translation>sha256 %1</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>nicht lesbar</translation>
    </message>
    <message>
        <source>absent</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <source>content differs</source>
        <translation>Inhalt weicht ab</translation>
    </message>
    <message>
        <source>mode or owner differs</source>
        <translation>Rechte oder Eigentümer weichen ab</translation>
    </message>
    <message>
        <source>readable</source>
        <translation>lesbar</translation>
    </message>
    <message>
        <source>no member answered</source>
        <translation>kein Mitglied hat geantwortet</translation>
    </message>
    <message>
        <source>in the cluster, not in the design: removed</source>
        <translation>im Cluster, nicht im Entwurf: wird entfernt</translation>
    </message>
    <message>
        <source>takes effect at a restart (rolling)</source>
        <translation>wirkt nach einem Neustart (rollierend)</translation>
    </message>
    <message>
        <source>pending restart</source>
        <translation>Neustart ausstehend</translation>
    </message>
    <message>
        <source>takes effect at a restart</source>
        <translation>wirkt nach einem Neustart</translation>
    </message>
    <message>
        <source>takes effect at a reload</source>
        <translation>wirkt nach einem Reload</translation>
    </message>
    <message>
        <source>Patroni member</source>
        <translation>Patroni-Mitglied</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>member</source>
        <translation>Mitglied</translation>
    </message>
    <message>
        <source>Patroni leader</source>
        <translation>Patroni-Leader</translation>
    </message>
    <message>
        <source>one</source>
        <translation>einer</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>etcd member</source>
        <translation>etcd-Mitglied</translation>
    </message>
    <message>
        <source>added, not started</source>
        <translation>hinzugefügt, nicht gestartet</translation>
    </message>
    <message>
        <source>etcd member list</source>
        <translation>etcd-Mitgliederliste</translation>
    </message>
    <message>
        <source>HAProxy backends</source>
        <translation>HAProxy-Backends</translation>
    </message>
    <message>
        <source>HAProxy backend %1</source>
        <translation>HAProxy-Backend %1</translation>
    </message>
    <message>
        <source>%1: HTTP %2</source>
        <translation>%1: HTTP %2</translation>
    </message>
    <message>
        <source>%1: the probe&apos;s answer is not JSON (%2 at offset %3)</source>
        <translation>%1: die Antwort der Abfrage ist kein JSON (%2 an Position %3)</translation>
    </message>
    <message>
        <source>the probe failed (exit %1): %2</source>
        <translation>die Abfrage ist fehlgeschlagen (Exit-Code %1): %2</translation>
    </message>
    <message>
        <source>no secrets of cluster &quot;%1&quot; were found (a deploy keeps them in %2): give the ones it was deployed with, --secrets FILE</source>
        <translation>keine Secrets des Clusters „%1“ gefunden (ein Ausrollen legt sie in %2 ab): geben Sie die beim Ausrollen verwendeten an, --secrets DATEI</translation>
    </message>
    <message>
        <source>in the cluster, not in the design: removed (data kept)</source>
        <translation>im Cluster, nicht im Entwurf: wird entfernt (Daten bleiben)</translation>
    </message>
    <message>
        <source>the leader is not removed: switch over to a member of the design first</source>
        <translation>der Leader wird nicht entfernt: zuerst auf ein Mitglied des Entwurfs umschalten</translation>
    </message>
    <message>
        <source>not removed: the cluster would be left without a running replica</source>
        <translation>nicht entfernt: dem Cluster bliebe kein laufendes Replikat</translation>
    </message>
    <message>
        <source>not removed: /cluster gives no address for it</source>
        <translation>nicht entfernt: /cluster nennt keine Adresse dafür</translation>
    </message>
    <message>
        <source>in the design, not in the cluster: joins as a replica</source>
        <translation>im Entwurf, nicht im Cluster: tritt als Replikat bei</translation>
    </message>
    <message>
        <source>in the design, not in the cluster; unreachable</source>
        <translation>im Entwurf, nicht im Cluster; nicht erreichbar</translation>
    </message>
    <message>
        <source>in the design, not in the cluster; no leader to copy from</source>
        <translation>im Entwurf, nicht im Cluster; kein Leader, von dem kopiert werden kann</translation>
    </message>
    <message>
        <source>in the design, not in the cluster; also a new etcd member: give it the etcd role alone first</source>
        <translation>im Entwurf, nicht im Cluster; auch ein neues etcd-Mitglied: zuerst nur mit der etcd-Rolle hinzufügen</translation>
    </message>
    <message>
        <source>one member at a time: %1</source>
        <translation>ein Mitglied nach dem anderen: %1</translation>
    </message>
    <message>
        <source>in the design, not in etcd&apos;s member list: member add, then started</source>
        <translation>im Entwurf, nicht in der Mitgliederliste von etcd: member add, dann gestartet</translation>
    </message>
    <message>
        <source>in the design, not in etcd&apos;s member list; unreachable</source>
        <translation>im Entwurf, nicht in der Mitgliederliste von etcd; nicht erreichbar</translation>
    </message>
    <message>
        <source>a new host with both PostgreSQL and etcd: not planned; add it with the etcd role alone first</source>
        <translation>ein neuer Host mit PostgreSQL und etcd: nicht geplant; zuerst nur mit der etcd-Rolle hinzufügen</translation>
    </message>
    <message>
        <source>added, not started, not in the design: member remove</source>
        <translation>hinzugefügt, nicht gestartet, nicht im Entwurf: member remove</translation>
    </message>
    <message>
        <source>in etcd&apos;s member list, not in the design: member remove, etcd stopped (data kept)</source>
        <translation>in der Mitgliederliste von etcd, nicht im Entwurf: member remove, etcd gestoppt (Daten bleiben)</translation>
    </message>
    <message>
        <source>not removed: the member list gives no peer URL for it</source>
        <translation>nicht entfernt: die Mitgliederliste nennt keine Peer-URL dafür</translation>
    </message>
    <message>
        <source>pip install of the pinned set, then Patroni restarted (rolling)</source>
        <translation>pip installiert den festgelegten Satz, dann wird Patroni neu gestartet (rollierend)</translation>
    </message>
    <message>
        <source>install: package: the distribution&apos;s package decides the release</source>
        <translation>install: package: das Paket der Distribution bestimmt die Version</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>the probe did not read the package</source>
        <translation>die Abfrage hat das Paket nicht gelesen</translation>
    </message>
    <message>
        <source>the package installed, then PostgreSQL restarted through Patroni (rolling)</source>
        <translation>das Paket wird installiert, dann PostgreSQL über Patroni neu gestartet (rollierend)</translation>
    </message>
    <message>
        <source>HAProxy host</source>
        <translation>HAProxy-Host</translation>
    </message>
    <message>
        <source>not running</source>
        <translation>läuft nicht</translation>
    </message>
    <message>
        <source>in the design, HAProxy does not run there: checked, installed, started</source>
        <translation>im Entwurf, HAProxy läuft dort nicht: geprüft, installiert, gestartet</translation>
    </message>
    <message>
        <source>HAProxy does not run there; no Patroni leader to route to</source>
        <translation>HAProxy läuft dort nicht; kein Patroni-Leader, zu dem geleitet werden kann</translation>
    </message>
    <message>
        <source>listed by the cluster (%1 on %2), not in the design: HAProxy stopped there, its files kept</source>
        <translation>vom Cluster geführt (%1 auf %2), nicht im Entwurf: HAProxy dort gestoppt, seine Dateien bleiben</translation>
    </message>
    <message>
        <source>listed by the cluster, not in the design; not stopped: the etcd member list is unreadable, so it may be an etcd member</source>
        <translation>vom Cluster geführt, nicht im Entwurf; nicht gestoppt: die etcd-Mitgliederliste ist nicht lesbar, es könnte also ein etcd-Mitglied sein</translation>
    </message>
</context>
<context>
    <name>pgha::DriftApply</name>
    <message>
        <source>Apply the design</source>
        <translation>Entwurf anwenden</translation>
    </message>
    <message>
        <source>Apply the design to cluster &quot;%1&quot;</source>
        <translation>Entwurf auf Cluster &quot;%1&quot; anwenden</translation>
    </message>
    <message>
        <source>The steps that bring the running cluster in line with the design, built from the drift as pgha apply builds them: files written and re-read, Patroni&apos;s dynamic configuration patched, members added or removed, restarts rolling (replicas first, the leader after a switchover).</source>
        <translation>Die Schritte, die den laufenden Cluster mit dem Entwurf in Einklang bringen, aus der Abweichung gebaut wie von pgha apply: Dateien geschrieben und neu gelesen, die dynamische Konfiguration von Patroni angepasst, Mitglieder hinzugefügt oder entfernt, Neustarts rollierend (zuerst die Replicas, der Leader nach einem Switchover).</translation>
    </message>
    <message numerus="yes">
        <source>Apply %n step(s) to cluster &quot;%1&quot;?</source>
        <translation>
            <numerusform>%n Schritt auf Cluster &quot;%1&quot; anwenden?</numerusform>
            <numerusform>%n Schritte auf Cluster &quot;%1&quot; anwenden?</numerusform>
        </translation>
    </message>
    <message>
        <source>The new hosts&apos; certificates could not be kept: %1</source>
        <translation>Die Zertifikate der neuen Hosts konnten nicht aufbewahrt werden: %1</translation>
    </message>
</context>
<context>
    <name>pgha::DriftView</name>
    <message>
        <source>The design changed since the comparison: compare again, then apply.</source>
        <translation>Der Entwurf hat sich seit dem Vergleich geändert: Vergleichen Sie erneut, dann wenden Sie ihn an.</translation>
    </message>
    <message>
        <source>Compare with the design</source>
        <translation>Mit dem Entwurf vergleichen</translation>
    </message>
    <message>
        <source>Reads every host over SSH (files, Patroni&apos;s dynamic configuration, pg_settings, members) and compares it with the design, as pgha diff does; changes nothing</source>
        <translation>Liest jeden Host über SSH (Dateien, dynamische Konfiguration von Patroni, pg_settings, Mitglieder) und vergleicht ihn mit dem Entwurf wie pgha diff; ändert nichts</translation>
    </message>
    <message>
        <source>Not compared yet.</source>
        <translation>Noch nicht verglichen.</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Setting or file</source>
        <translation>Einstellung oder Datei</translation>
    </message>
    <message>
        <source>Design</source>
        <translation>Entwurf</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>pgha apply</source>
        <translation>pgha apply</translation>
    </message>
    <message>
        <source>The design has no hosts.</source>
        <translation>Der Entwurf hat keine Hosts.</translation>
    </message>
    <message>
        <source>A host key was refused (unknown or changed): accept it on the Deploy page first.</source>
        <translation>Ein Host-Schlüssel wurde abgelehnt (unbekannt oder geändert): Nehmen Sie ihn zuerst auf der Seite Ausrollen an.</translation>
    </message>
    <message>
        <source>No drift: the cluster runs the design (read in %1 s).</source>
        <translation>Keine Abweichung: Der Cluster läuft wie entworfen (gelesen in %1 s).</translation>
    </message>
    <message numerus="yes">
        <source>%n difference(s) (read in %1 s); pgha apply brings the cluster in line.</source>
        <translation>
            <numerusform>%n Abweichung (gelesen in %1 s); pgha apply bringt den Cluster in Einklang.</numerusform>
            <numerusform>%n Abweichungen (gelesen in %1 s); pgha apply bringt den Cluster in Einklang.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Apply…</source>
        <translation>&amp;Anwenden…</translation>
    </message>
    <message>
        <source>Shows the plan that brings the cluster in line with the design (as pgha apply), then runs it once confirmed</source>
        <translation>Zeigt den Plan, der den Cluster mit dem Entwurf in Einklang bringt (wie pgha apply), und führt ihn nach Bestätigung aus</translation>
    </message>
    <message>
        <source>Reading the hosts…</source>
        <translation>Lese die Hosts…</translation>
    </message>
</context>
<context>
    <name>pgha::FileTools</name>
    <message>
        <source>&amp;Lint Configuration Files…</source>
        <translation>Konfigurationsdateien &amp;prüfen…</translation>
    </message>
    <message>
        <source>Check real patroni.yml, etcd and haproxy.cfg files by the designer&apos;s rules</source>
        <translation>Echte patroni.yml-, etcd- und haproxy.cfg-Dateien nach den Regeln des Designers prüfen</translation>
    </message>
    <message>
        <source>&amp;Import Running Cluster…</source>
        <translation>&amp;Laufenden Cluster importieren…</translation>
    </message>
    <message>
        <source>Read a running cluster&apos;s design from Patroni&apos;s REST API (reads only)</source>
        <translation>Den Entwurf eines laufenden Clusters aus der REST-API von Patroni lesen (nur lesend)</translation>
    </message>
    <message>
        <source>Import running cluster</source>
        <translation>Laufenden Cluster importieren</translation>
    </message>
    <message>
        <source>Patroni REST API of any member (e.g. http://10.104.0.1:8008):</source>
        <translation>REST-API von Patroni eines beliebigen Mitglieds (z. B. http://10.104.0.1:8008):</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen…</translation>
    </message>
    <message>
        <source>Could not import the cluster:
%1</source>
        <translation>Der Cluster konnte nicht importiert werden:
%1</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Hinweis: %1</translation>
    </message>
    <message>
        <source>Not in the design: %1</source>
        <translation>Nicht im Entwurf: %1</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n host(s); save the design to keep it</source>
        <translation>
            <numerusform>%n Host importiert; den Entwurf speichern, um ihn zu behalten</numerusform>
            <numerusform>%n Hosts importiert; den Entwurf speichern, um ihn zu behalten</numerusform>
        </translation>
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
    <name>pgha::HistoryCharts</name>
    <message>
        <source>seconds</source>
        <translation>Sekunden</translation>
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
    <message>
        <source>by host order</source>
        <translation>nach Reihenfolge der Hosts</translation>
    </message>
    <message>
        <source>VRRP priority:</source>
        <translation>VRRP-Priorität:</translation>
    </message>
    <message>
        <source>Backup repository (pgBackRest)</source>
        <translation>Sicherungs-Repository (pgBackRest)</translation>
    </message>
</context>
<context>
    <name>pgha::HostKeyPrompt</name>
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
        <source>Credentials for %1</source>
        <translation>Anmeldedaten für %1</translation>
    </message>
</context>
<context>
    <name>pgha::InspectorPanel</name>
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
    <name>pgha::Lint</name>
    <message>
        <source>no file given</source>
        <translation>keine Datei angegeben</translation>
    </message>
    <message>
        <source>not a Patroni, etcd or HAProxy configuration file</source>
        <translation>keine Konfigurationsdatei von Patroni, etcd oder HAProxy</translation>
    </message>
    <message>
        <source>Server %1 is reached by the name %2: HAProxy resolves it once at start (refusing to start when DNS or /etc/hosts cannot answer) and never notices a change.</source>
        <translation>Server %1 wird über den Namen %2 erreicht: HAProxy löst ihn einmal beim Start auf (und startet nicht, wenn DNS oder /etc/hosts nicht antworten) und bemerkt nie eine Änderung.</translation>
    </message>
    <message>
        <source>Write the server&apos;s IP address: server %1 ADDRESS:%2.</source>
        <translation>Die IP-Adresse des Servers eintragen: server %1 ADRESSE:%2.</translation>
    </message>
    <message>
        <source>%1 has no option httpchk: HAProxy only checks that the port accepts connections, so every running PostgreSQL server, primary or not, gets clients.</source>
        <translation>%1 hat keine option httpchk: HAProxy prüft nur, ob der Port Verbindungen annimmt, daher bekommt jeder laufende PostgreSQL-Server Clients, ob Primary oder nicht.</translation>
    </message>
    <message>
        <source>Add option httpchk OPTIONS /primary (or /replica), http-check expect status 200 and check port 8008 on each server.</source>
        <translation>option httpchk OPTIONS /primary (oder /replica), http-check expect status 200 und check port 8008 an jedem Server ergänzen.</translation>
    </message>
    <message>
        <source>Without on-marked-down shutdown-sessions, connections to %1 stay open after Patroni demotes it: clients keep writing to a read-only server until they reconnect.</source>
        <translation>Ohne on-marked-down shutdown-sessions bleiben Verbindungen zu %1 offen, nachdem Patroni ihn herabgestuft hat: Clients schreiben weiter an einen schreibgeschützten Server, bis sie sich neu verbinden.</translation>
    </message>
    <message>
        <source>Add on-marked-down shutdown-sessions to the default-server line.</source>
        <translation>on-marked-down shutdown-sessions in der default-server-Zeile ergänzen.</translation>
    </message>
    <message>
        <source>The statistics page has no password: anyone who reaches it sees every server and its state (and, with stats admin, can take servers down).</source>
        <translation>Die Statistikseite hat kein Passwort: Wer sie erreicht, sieht jeden Server und seinen Zustand (und kann mit stats admin Server abschalten).</translation>
    </message>
    <message>
        <source>Add stats auth USER:PASSWORD and bind the page to an admin address.</source>
        <translation>stats auth BENUTZER:PASSWORT ergänzen und die Seite an eine Admin-Adresse binden.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not NAME=value: systemd&apos;s EnvironmentFile skips it with a warning.</source>
        <translation>„%1“ ist nicht NAME=Wert: systemds EnvironmentFile überspringt die Zeile mit einer Warnung.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not NAME=value: systemd&apos;s EnvironmentFile skips it with a warning, so whatever it was meant to set is not set.</source>
        <translation>„%1“ ist nicht NAME=Wert: systemds EnvironmentFile überspringt die Zeile mit einer Warnung, was sie setzen sollte, wird also nicht gesetzt.</translation>
    </message>
    <message>
        <source>Remove the line, or write it as ETCD_NAME=&quot;value&quot;.</source>
        <translation>Die Zeile entfernen oder als ETCD_NAME=&quot;Wert&quot; schreiben.</translation>
    </message>
    <message>
        <source>The etcd: section makes Patroni use etcd&apos;s v2 API, which etcd 3.4 turns off by default and 3.6 no longer has: Patroni cannot reach its DCS.</source>
        <translation>Der Abschnitt etcd: lässt Patroni die v2-API von etcd verwenden, die etcd 3.4 standardmäßig abschaltet und 3.6 nicht mehr hat: Patroni erreicht seinen DCS nicht.</translation>
    </message>
    <message>
        <source>Rename the section to etcd3: (same keys; python3-etcd3 or patroni[etcd3]).</source>
        <translation>Den Abschnitt in etcd3: umbenennen (gleiche Schlüssel; python3-etcd3 oder patroni[etcd3]).</translation>
    </message>
    <message>
        <source>Patroni knows only the etcd endpoint %1: when that member is down at Patroni&apos;s start, Patroni cannot find the others and the node stays out of the cluster.</source>
        <translation>Patroni kennt nur den etcd-Endpunkt %1: Ist dieses Mitglied beim Start von Patroni nicht erreichbar, findet Patroni die anderen nicht und der Knoten bleibt außerhalb des Clusters.</translation>
    </message>
    <message>
        <source>List every etcd member under %1.hosts.</source>
        <translation>Jedes etcd-Mitglied unter %1.hosts aufführen.</translation>
    </message>
    <message>
        <source>The REST API listens on %1 without authentication: anyone who reaches the port can switch over, restart or reinitialise members and change the dynamic configuration.</source>
        <translation>Die REST-API lauscht ohne Authentifizierung auf %1: Wer den Port erreicht, kann umschalten, Mitglieder neu starten oder neu initialisieren und die dynamische Konfiguration ändern.</translation>
    </message>
    <message>
        <source>The REST API has no authentication: anyone who reaches %1 can switch over, restart or reinitialise members.</source>
        <translation>Die REST-API hat keine Authentifizierung: Wer %1 erreicht, kann umschalten, Mitglieder neu starten oder neu initialisieren.</translation>
    </message>
    <message>
        <source>Add restapi.authentication (username, password), listen on the host&apos;s own address and turn on TLS (certfile, keyfile).</source>
        <translation>restapi.authentication (username, password) ergänzen, auf der eigenen Adresse des Hosts lauschen und TLS einschalten (certfile, keyfile).</translation>
    </message>
    <message>
        <source>Patroni writes the replication and superuser passwords to %1, in %2, which every local user can write to (another user may create the file or a link there first) and which is emptied on reboot.</source>
        <translation>Patroni schreibt die Replikations- und Superuser-Passwörter nach %1, in %2, wo jeder lokale Benutzer schreiben darf (ein anderer kann die Datei oder einen Link dort zuerst anlegen) und das beim Neustart geleert wird.</translation>
    </message>
    <message>
        <source>Put pgpass in the postgres user&apos;s home, e.g. /var/lib/pgsql/.pgpass_patroni.</source>
        <translation>pgpass ins Home-Verzeichnis des Benutzers postgres legen, z. B. /var/lib/pgsql/.pgpass_patroni.</translation>
    </message>
    <message>
        <source>User %1 is created with a well-known default password.</source>
        <translation>Benutzer %1 wird mit einem bekannten Standardpasswort angelegt.</translation>
    </message>
    <message>
        <source>Remove the password from the file and set a random one (at least 16 characters) with ALTER ROLE after the bootstrap.</source>
        <translation>Das Passwort aus der Datei entfernen und nach dem Bootstrap mit ALTER ROLE ein zufälliges setzen (mindestens 16 Zeichen).</translation>
    </message>
    <message>
        <source>%1 is %2 here but %3 in %4.</source>
        <translation>%1 ist hier %2, aber %3 in %4.</translation>
    </message>
    <message>
        <source>%1 is set here but not in %2.</source>
        <translation>%1 ist hier gesetzt, aber nicht in %2.</translation>
    </message>
    <message>
        <source>Give every member the same cluster settings; only name, addresses and tags differ.</source>
        <translation>Allen Mitgliedern dieselben Cluster-Einstellungen geben; nur Name, Adressen und Tags unterscheiden sich.</translation>
    </message>
</context>
<context>
    <name>pgha::LintDialog</name>
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
        <source>Lint Configuration Files</source>
        <translation>Konfigurationsdateien prüfen</translation>
    </message>
    <message>
        <source>Real patroni.yml, etcd (YAML or environment file) and haproxy.cfg files, checked together by the designer&apos;s rules. Pass the mouse over a finding for its fix.</source>
        <translation>Echte patroni.yml-, etcd- (YAML oder Umgebungsdatei) und haproxy.cfg-Dateien, gemeinsam nach den Regeln des Designers geprüft. Mit der Maus über einen Befund fahren, um die Abhilfe zu sehen.</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schweregrad</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Wo</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
    <message>
        <source>Choose &amp;Files…</source>
        <translation>&amp;Dateien wählen…</translation>
    </message>
    <message>
        <source>&amp;Lint Again</source>
        <translation>E&amp;rneut prüfen</translation>
    </message>
    <message>
        <source>Lint configuration files</source>
        <translation>Konfigurationsdateien prüfen</translation>
    </message>
    <message>
        <source>Configuration files (*.yml *.yaml *.cfg *.conf);;All files (*)</source>
        <translation>Konfigurationsdateien (*.yml *.yaml *.cfg *.conf);;Alle Dateien (*)</translation>
    </message>
    <message numerus="yes">
        <source>Reading %n file(s)…</source>
        <translation>
            <numerusform>%n Datei wird gelesen…</numerusform>
            <numerusform>%n Dateien werden gelesen…</numerusform>
        </translation>
    </message>
    <message>
        <source>Not linted: %1</source>
        <translation>Nicht geprüft: %1</translation>
    </message>
    <message>
        <source>%1: %2 error(s), %3 warning(s), %4 info</source>
        <translation>%1: %2 Fehler, %3 Warnung(en), %4 Hinweis(e)</translation>
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
    <message>
        <source>stats login refused (pools not monitored)</source>
        <translation>Statistik-Anmeldung abgelehnt (Pools nicht überwacht)</translation>
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
        <translation>Neu aus &amp;Vorlage</translation>
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
    <message>
        <source>&amp;Cluster</source>
        <translation>&amp;Cluster</translation>
    </message>
</context>
<context>
    <name>pgha::MemberTableModel</name>
    <message>
        <source>Member</source>
        <translation>Mitglied</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>TL</source>
        <translation>TL</translation>
    </message>
    <message>
        <source>Lag in MB</source>
        <translation>Verzug in MB</translation>
    </message>
    <message>
        <source>Receive lag in MB</source>
        <translation>Empfangsverzug in MB</translation>
    </message>
    <message>
        <source>Replay lag in MB</source>
        <translation>Wiedergabeverzug in MB</translation>
    </message>
    <message>
        <source>Pending restart</source>
        <translation>Neustart ausstehend</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
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
    <name>pgha::Monitor</name>
    <message>
        <source>the %1 backup due at %2 is missing: the last one, %3, finished at %4</source>
        <translation>die um %2 fällige %1-Sicherung fehlt: die letzte, %3, endete um %4</translation>
    </message>
    <message>
        <source>the %1 backup due at %2 is missing: the repository holds none</source>
        <translation>die um %2 fällige %1-Sicherung fehlt: das Repository enthält keine</translation>
    </message>
    <message>
        <source>a %1 backup is in the repository again: %2, finished at %3</source>
        <translation>wieder eine %1-Sicherung im Repository: %2, beendet um %3</translation>
    </message>
    <message>
        <source>the repository has no stanza %1</source>
        <translation>das Repository hat keine Stanza %1</translation>
    </message>
    <message>
        <source>backups: %1</source>
        <translation>Sicherungen: %1</translation>
    </message>
    <message>
        <source>not read yet</source>
        <translation>noch nicht gelesen</translation>
    </message>
    <message>
        <source>not read (%1)</source>
        <translation>nicht gelesen (%1)</translation>
    </message>
    <message>
        <source>%1 -</source>
        <translation>%1 -</translation>
    </message>
    <message>
        <source>%1 %2 %3 ago (%4)</source>
        <translation>%1 %2 vor %3 (%4)</translation>
    </message>
    <message>
        <source>; full OVERDUE (due %1)</source>
        <translation>; full ÜBERFÄLLIG (fällig %1)</translation>
    </message>
    <message>
        <source>; diff OVERDUE (due %1)</source>
        <translation>; diff ÜBERFÄLLIG (fällig %1)</translation>
    </message>
    <message>
        <source>; a backup is running</source>
        <translation>; eine Sicherung läuft</translation>
    </message>
    <message>
        <source>; stanza: %1</source>
        <translation>; Stanza: %1</translation>
    </message>
    <message>
        <source>no leader to ask</source>
        <translation>kein Leader zum Abfragen</translation>
    </message>
    <message>
        <source>leader %1 is not in the design</source>
        <translation>Leader %1 ist nicht im Entwurf</translation>
    </message>
    <message>
        <source>WAL archiving on %1 fails: %2 at %3 (%4 failures)</source>
        <translation>WAL-Archivierung auf %1 schlägt fehl: %2 um %3 (%4 Fehler)</translation>
    </message>
    <message>
        <source>WAL archiving on %1 works again: %2 archived</source>
        <translation>WAL-Archivierung auf %1 funktioniert wieder: %2 archiviert</translation>
    </message>
    <message>
        <source>the current leader</source>
        <translation>der aktuelle Leader</translation>
    </message>
    <message>
        <source> at %1</source>
        <translation> um %1</translation>
    </message>
    <message>
        <source> now</source>
        <translation> jetzt</translation>
    </message>
    <message>
        <source>Switchover%1: %2 steps down and %3 becomes the leader. Open connections to %2 are cut; HAProxy&apos;s primary port follows within its check interval.</source>
        <translation>Switchover%1: %2 gibt die Leader-Rolle ab und %3 wird Leader. Offene Verbindungen zu %2 werden getrennt; der Primary-Port von HAProxy folgt innerhalb seines Prüfintervalls.</translation>
    </message>
    <message>
        <source>the healthiest replica</source>
        <translation>die gesündeste Replica</translation>
    </message>
    <message>
        <source>Failover now to %1, even if the cluster has no healthy leader. Transactions not yet replicated to %1 can be lost.</source>
        <translation>Failover jetzt zu %1, auch wenn der Cluster keinen gesunden Leader hat. Noch nicht nach %1 replizierte Transaktionen können verloren gehen.</translation>
    </message>
    <message>
        <source>Restart PostgreSQL on %1%2. Its connections are cut; a restarted leader keeps the leader lock.</source>
        <translation>PostgreSQL auf %1%2 neu starten. Seine Verbindungen werden getrennt; ein neu gestarteter Leader behält den Leader-Lock.</translation>
    </message>
    <message>
        <source>Reload the configuration of %1 (no restart, no disconnection).</source>
        <translation>Konfiguration von %1 neu laden (kein Neustart, keine Trennung).</translation>
    </message>
    <message>
        <source>every member</source>
        <translation>jedem Mitglied</translation>
    </message>
    <message>
        <source>Reinitialise replica %1: its data directory is DELETED and copied again from the leader. It serves no reads until the copy completes.</source>
        <translation>Replica %1 neu initialisieren: Ihr Datenverzeichnis wird GELÖSCHT und erneut vom Leader kopiert. Bis die Kopie fertig ist, bedient sie keine Lesezugriffe.</translation>
    </message>
    <message>
        <source>Pause the cluster (maintenance mode): Patroni stops managing PostgreSQL and no automatic failover happens until you resume.</source>
        <translation>Cluster pausieren (Wartungsmodus): Patroni verwaltet PostgreSQL nicht mehr und es gibt keinen automatischen Failover, bis Sie fortsetzen.</translation>
    </message>
    <message>
        <source>Resume the cluster: Patroni manages PostgreSQL again and automatic failover is back.</source>
        <translation>Cluster fortsetzen: Patroni verwaltet PostgreSQL wieder und der automatische Failover ist zurück.</translation>
    </message>
    <message>
        <source>the cluster is already in maintenance mode</source>
        <translation>Der Cluster ist bereits im Wartungsmodus</translation>
    </message>
    <message>
        <source>the cluster is not in maintenance mode</source>
        <translation>Der Cluster ist nicht im Wartungsmodus</translation>
    </message>
    <message>
        <source>select a member first</source>
        <translation>Wählen Sie zuerst ein Mitglied</translation>
    </message>
    <message>
        <source>%1 is not registered in the cluster</source>
        <translation>%1 ist im Cluster nicht registriert</translation>
    </message>
    <message>
        <source>%1 is the leader; only a replica can be reinitialised</source>
        <translation>%1 ist der Leader; nur eine Replica kann neu initialisiert werden</translation>
    </message>
    <message>
        <source>%1 is already the leader</source>
        <translation>%1 ist bereits der Leader</translation>
    </message>
    <message>
        <source>%1 is tagged nofailover</source>
        <translation>%1 trägt das Tag nofailover</translation>
    </message>
    <message>
        <source>a switchover needs a running leader; use failover</source>
        <translation>Ein Switchover braucht einen laufenden Leader; verwenden Sie Failover</translation>
    </message>
    <message>
        <source>%1 is not running (%2)</source>
        <translation>%1 läuft nicht (%2)</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>synchronous mode: no synchronous standby right now, so Patroni refuses every switchover candidate (%1 is asynchronous)</source>
        <translation>Synchroner Modus: Derzeit gibt es keinen synchronen Standby, daher lehnt Patroni jeden Switchover-Kandidaten ab (%1 ist asynchron)</translation>
    </message>
    <message>
        <source>synchronous mode: Patroni only switches over to the synchronous standby (%1); %2 is asynchronous</source>
        <translation>Synchroner Modus: Patroni macht einen Switchover nur zum synchronen Standby (%1); %2 ist asynchron</translation>
    </message>
    <message>
        <source>no Patroni endpoint to talk to</source>
        <translation>kein Patroni-Endpunkt zum Ansprechen</translation>
    </message>
    <message>
        <source>no Patroni member answers /cluster: </source>
        <translation>kein Patroni-Mitglied beantwortet /cluster: </translation>
    </message>
    <message>
        <source>switchover needs a leader; the cluster has none (use failover)</source>
        <translation>Ein Switchover braucht einen Leader; der Cluster hat keinen (verwenden Sie Failover)</translation>
    </message>
    <message>
        <source>no member named &quot;%1&quot;</source>
        <translation>kein Mitglied namens &quot;%1&quot;</translation>
    </message>
    <message>
        <source>failover needs a candidate (--to MEMBER)</source>
        <translation>Ein Failover braucht einen Kandidaten (--to MITGLIED)</translation>
    </message>
    <message>
        <source>the cluster lists no member</source>
        <translation>Der Cluster führt kein Mitglied</translation>
    </message>
    <message>
        <source>the member has no REST URL in /cluster</source>
        <translation>Das Mitglied hat keine REST-URL in /cluster</translation>
    </message>
    <message>
        <source>maintenance mode on</source>
        <translation>Wartungsmodus an</translation>
    </message>
    <message>
        <source>maintenance mode off</source>
        <translation>Wartungsmodus aus</translation>
    </message>
    <message>
        <source>authentication failed (HTTP 401): check the REST API user and password</source>
        <translation>Anmeldung fehlgeschlagen (HTTP 401): Prüfen Sie Benutzer und Kennwort der REST-API</translation>
    </message>
    <message>
        <source>not probed (no client URL)</source>
        <translation>nicht abgefragt (keine Client-URL)</translation>
    </message>
    <message>
        <source>no etcd member listed the members</source>
        <translation>kein etcd-Mitglied hat die Mitglieder aufgelistet</translation>
    </message>
    <message>
        <source>healthy</source>
        <translation>gesund</translation>
    </message>
    <message>
        <source>degraded</source>
        <translation>beeinträchtigt</translation>
    </message>
    <message>
        <source>unavailable</source>
        <translation>nicht verfügbar</translation>
    </message>
    <message>
        <source>member %1 is restarting (planned %2, %3)</source>
        <translation>Mitglied %1 startet neu (geplanter %2, %3)</translation>
    </message>
    <message>
        <source>member %1 is down (%2)</source>
        <translation>Mitglied %1 ist ausgefallen (%2)</translation>
    </message>
    <message>
        <source>member %1 is back (%2, %3)</source>
        <translation>Mitglied %1 ist zurück (%2, %3)</translation>
    </message>
    <message>
        <source>replica %1 lags %2 MB, past the %3 MB threshold</source>
        <translation>Replica %1 liegt %2 MB zurück, über der Schwelle von %3 MB</translation>
    </message>
    <message>
        <source>replica %1 caught up</source>
        <translation>Replica %1 hat aufgeholt</translation>
    </message>
    <message>
        <source>member %1 needs a restart for a changed setting</source>
        <translation>Mitglied %1 braucht für eine geänderte Einstellung einen Neustart</translation>
    </message>
    <message>
        <source>timeline %1</source>
        <translation>Timeline %1</translation>
    </message>
    <message>
        <source>new timeline not reported yet</source>
        <translation>neue Timeline noch nicht gemeldet</translation>
    </message>
    <message>
        <source>no running leader during the planned %1 (was %2)</source>
        <translation>kein laufender Leader während des geplanten %1 (war %2)</translation>
    </message>
    <message>
        <source>no running leader (was %1)</source>
        <translation>kein laufender Leader (war %1)</translation>
    </message>
    <message>
        <source>maintenance mode on: automatic failover is off</source>
        <translation>Wartungsmodus an: automatischer Failover ist aus</translation>
    </message>
    <message>
        <source>etcd member %1 is down</source>
        <translation>etcd-Mitglied %1 ist ausgefallen</translation>
    </message>
    <message>
        <source>etcd member %1 is back</source>
        <translation>etcd-Mitglied %1 ist zurück</translation>
    </message>
    <message>
        <source>etcd lost quorum (%1 of %2 healthy)</source>
        <translation>etcd hat das Quorum verloren (%1 von %2 gesund)</translation>
    </message>
    <message>
        <source>etcd regained quorum (%1 of %2 healthy)</source>
        <translation>etcd hat das Quorum wieder (%1 von %2 gesund)</translation>
    </message>
    <message>
        <source>HAProxy %1: pool %2 has no server UP</source>
        <translation>HAProxy %1: Pool %2 hat keinen Server UP</translation>
    </message>
    <message>
        <source>HAProxy %1: pool %2 serves again (%3)</source>
        <translation>HAProxy %1: Pool %2 bedient wieder (%3)</translation>
    </message>
    <message>
        <source>HAProxy %1: pool %2 now routes to %3 (was %4)</source>
        <translation>HAProxy %1: Pool %2 leitet jetzt zu %3 (vorher %4)</translation>
    </message>
    <message>
        <source>cluster is %1</source>
        <translation>Cluster ist %1</translation>
    </message>
    <message>
        <source>cluster is %1: %2</source>
        <translation>Cluster ist %1: %2</translation>
    </message>
    <message>
        <source>not a Patroni REST URL: &quot;%1&quot; (expected http://HOST:8008)</source>
        <translation>keine Patroni-REST-URL: &quot;%1&quot; (erwartet http://HOST:8008)</translation>
    </message>
    <message>
        <source>no Patroni member answers</source>
        <translation>kein Patroni-Mitglied antwortet</translation>
    </message>
    <message>
        <source>no Patroni member answers: %1</source>
        <translation>kein Patroni-Mitglied antwortet: %1</translation>
    </message>
    <message>
        <source>no running leader</source>
        <translation>kein laufender Leader</translation>
    </message>
    <message>
        <source>member %1 is not registered (Patroni down?)</source>
        <translation>Mitglied %1 ist nicht registriert (Patroni ausgefallen?)</translation>
    </message>
    <message>
        <source>member %1 is %2</source>
        <translation>Mitglied %1 ist %2</translation>
    </message>
    <message>
        <source>replica %1 is not streaming</source>
        <translation>Replica %1 streamt nicht</translation>
    </message>
    <message>
        <source>replica %1 lags %2 MB (threshold %3 MB)</source>
        <translation>Replica %1 liegt %2 MB zurück (Schwelle %3 MB)</translation>
    </message>
    <message>
        <source>REST API of %1 does not answer: %2</source>
        <translation>REST-API von %1 antwortet nicht: %2</translation>
    </message>
    <message>
        <source>%1 members claim the leader role</source>
        <translation>%1 Mitglieder beanspruchen die Leader-Rolle</translation>
    </message>
    <message>
        <source>member %1 has a pending restart</source>
        <translation>Mitglied %1 hat einen ausstehenden Neustart</translation>
    </message>
    <message>
        <source>maintenance mode: automatic failover is off</source>
        <translation>Wartungsmodus: automatischer Failover ist aus</translation>
    </message>
    <message>
        <source>etcd has lost quorum (%1 of %2 healthy, %3 needed)</source>
        <translation>etcd hat das Quorum verloren (%1 von %2 gesund, %3 nötig)</translation>
    </message>
    <message>
        <source>HAProxy stats of %1: authentication failed (the monitor has no valid stats password, so HAProxy&apos;s pools are not checked)</source>
        <translation>HAProxy-Statistik von %1: Anmeldung fehlgeschlagen (der Monitor hat kein gültiges Statistik-Kennwort, daher werden die Pools von HAProxy nicht geprüft)</translation>
    </message>
    <message>
        <source>HAProxy %1 does not answer: %2</source>
        <translation>HAProxy %1 antwortet nicht: %2</translation>
    </message>
    <message>
        <source>HAProxy %1: pool %2 routes to %3 servers (%4)</source>
        <translation>HAProxy %1: Pool %2 leitet zu %3 Servern (%4)</translation>
    </message>
    <message>
        <source>HAProxy %1: pool %2 routes to %3, the leader is %4</source>
        <translation>HAProxy %1: Pool %2 leitet zu %3, Leader ist %4</translation>
    </message>
    <message>
        <source>no HAProxy answers</source>
        <translation>kein HAProxy antwortet</translation>
    </message>
    <message>
        <source>no HAProxy routes writes to a primary</source>
        <translation>kein HAProxy leitet Schreibzugriffe zu einem Primary</translation>
    </message>
    <message>
        <source>member %1: %2</source>
        <translation>Mitglied %1: %2</translation>
    </message>
    <message>
        <source>%1 lies outside the design&apos;s REST endpoints (and subnets): the REST credentials are not sent there, the action is not run</source>
        <translation>%1 liegt außerhalb der REST-Endpunkte (und Subnetze) des Entwurfs: Die REST-Anmeldedaten werden nicht dorthin gesendet, die Aktion wird nicht ausgeführt</translation>
    </message>
    <message>
        <source>%1 lists %2 members; only the first %3 are watched</source>
        <translation>%1 führt %2 Mitglieder; nur die ersten %3 werden überwacht</translation>
    </message>
    <message>
        <source>member %1 announces a REST URL that is not http(s): %2</source>
        <translation>Mitglied %1 meldet eine REST-URL, die nicht http(s) ist: %2</translation>
    </message>
    <message>
        <source>more than %1 members seen; member %2 is not watched</source>
        <translation>mehr als %1 Mitglieder gesehen; Mitglied %2 wird nicht überwacht</translation>
    </message>
    <message>
        <source>member %1 (%2) is not on the --url host: polled without credentials</source>
        <translation>Mitglied %1 (%2) liegt nicht auf dem --url-Host: ohne Anmeldedaten abgefragt</translation>
    </message>
    <message>
        <source>member %1 announces %2, outside the design: polled without credentials</source>
        <translation>Mitglied %1 meldet %2, außerhalb des Entwurfs: ohne Anmeldedaten abgefragt</translation>
    </message>
    <message>
        <source>etcd lists %1 members; only the first %2 are watched</source>
        <translation>etcd führt %1 Mitglieder; nur die ersten %2 werden überwacht</translation>
    </message>
    <message>
        <source>%1: cannot read the CA file: %2</source>
        <translation>%1: Die CA-Datei lässt sich nicht lesen: %2</translation>
    </message>
    <message>
        <source>%1: no PEM certificate in the CA file</source>
        <translation>%1: kein PEM-Zertifikat in der CA-Datei</translation>
    </message>
    <message>
        <source>%1: answer larger than %2, not read</source>
        <translation>%1: Antwort größer als %2, nicht gelesen</translation>
    </message>
    <message>
        <source>%1: no complete answer within %2 ms</source>
        <translation>%1: keine vollständige Antwort binnen %2 ms</translation>
    </message>
    <message>
        <source>%1: answer larger than %2 (Content-Length %3), not read</source>
        <translation>%1: Antwort größer als %2 (Content-Length %3), nicht gelesen</translation>
    </message>
    <message>
        <source>%1: certificate not accepted: %2</source>
        <translation>%1: Zertifikat nicht angenommen: %2</translation>
    </message>
    <message>
        <source>%1: timed out</source>
        <translation>%1: Zeitüberschreitung</translation>
    </message>
    <message>
        <source>%1: authentication failed (HTTP 401)</source>
        <translation>%1: Anmeldung fehlgeschlagen (HTTP 401)</translation>
    </message>
    <message>
        <source>%1: TLS handshake failed: %2</source>
        <translation>%1: TLS-Handshake fehlgeschlagen: %2</translation>
    </message>
    <message>
        <source>the admin client certificate or its key (ECDSA, PEM) cannot be read</source>
        <translation>Das Admin-Client-Zertifikat oder sein Schlüssel (ECDSA, PEM) lässt sich nicht lesen</translation>
    </message>
    <message>
        <source>TLS certificates are not verified (--insecure)</source>
        <translation>TLS-Zertifikate werden nicht geprüft (--insecure)</translation>
    </message>
    <message>
        <source>certificate of %1 (%2) expired on %3</source>
        <translation>Zertifikat von %1 (%2) ist am %3 abgelaufen</translation>
    </message>
    <message>
        <source>certificate of %1 (%2) expires in %3 days (%4)</source>
        <translation>Zertifikat von %1 (%2) läuft in %3 Tagen ab (%4)</translation>
    </message>
    <message>
        <source>certificate of %1 (%2) accepted only because of --insecure: %3</source>
        <translation>Zertifikat von %1 (%2) nur wegen --insecure angenommen: %3</translation>
    </message>
    <message>
        <source>the floating address %1 is held by %2 at once (split brain)</source>
        <translation>die virtuelle Adresse %1 liegt gleichzeitig auf %2 (Split-Brain)</translation>
    </message>
    <message>
        <source>no HAProxy host holds the floating address %1</source>
        <translation>kein HAProxy-Host hält die virtuelle Adresse %1</translation>
    </message>
    <message>
        <source>floating address: %1</source>
        <translation>virtuelle Adresse: %1</translation>
    </message>
    <message>
        <source>PgBouncer on %1: authentication failed (the monitor has no valid pooler_auth_password, so its pools are not checked)</source>
        <translation>PgBouncer auf %1: Anmeldung fehlgeschlagen (der Monitor hat kein gültiges pooler_auth_password, daher werden seine Pools nicht geprüft)</translation>
    </message>
    <message>
        <source>PgBouncer on %1 does not answer: %2</source>
        <translation>PgBouncer auf %1 antwortet nicht: %2</translation>
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
    <message>
        <source>Backup repository</source>
        <translation>Sicherungs-Repository</translation>
    </message>
    <message>
        <source>pgBackRest repository host: backups and the WAL archive</source>
        <translation>pgBackRest-Repository-Host: Sicherungen und das WAL-Archiv</translation>
    </message>
</context>
<context>
    <name>pgha::PlanRunDialog</name>
    <message>
        <source>Not planned (do these by hand):
%1</source>
        <translation>Nicht geplant (von Hand erledigen):
%1</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Schritte</translation>
    </message>
    <message>
        <source>Plan text</source>
        <translation>Plan als Text</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>%v of %m steps</source>
        <translation>%v von %m Schritten</translation>
    </message>
    <message>
        <source>Nothing to do.</source>
        <translation>Nichts zu tun.</translation>
    </message>
    <message>
        <source>Nothing the plan can do: see the plan text.</source>
        <translation>Nichts, was der Plan tun kann: siehe Plan als Text.</translation>
    </message>
    <message>
        <source>%1 steps on %2 hosts. Nothing has been changed yet.</source>
        <translation>%1 Schritte auf %2 Hosts. Noch wurde nichts geändert.</translation>
    </message>
    <message>
        <source>&amp;Run…</source>
        <translation>&amp;Ausführen…</translation>
    </message>
    <message>
        <source>&amp;Cancel Run</source>
        <translation>Lauf a&amp;bbrechen</translation>
    </message>
    <message>
        <source>Stops cleanly: no new step starts, waits give up.</source>
        <translation>Hält sauber an: kein neuer Schritt beginnt, Wartevorgänge geben auf.</translation>
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
        <source>step: %1</source>
        <translation>Schritt: %1</translation>
    </message>
    <message>
        <source># not planned (do these by hand):
</source>
        <translation># nicht geplant (von Hand erledigen):
</translation>
    </message>
    <message>
        <source>nothing to do
</source>
        <translation>nichts zu tun
</translation>
    </message>
    <message>
        <source>nothing the plan can do
</source>
        <translation>nichts, was der Plan tun kann
</translation>
    </message>
    <message>
        <source># the plan: %1 steps on %2 hosts
</source>
        <translation># der Plan: %1 Schritte auf %2 Hosts
</translation>
    </message>
    <message>
        <source> (after %1)</source>
        <translation> (nach %1)</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <source>Not confirmed: nothing was changed.</source>
        <translation>Nicht bestätigt: Nichts wurde geändert.</translation>
    </message>
    <message>
        <source>Resuming the interrupted run recorded in %1…</source>
        <translation>Setze den unterbrochenen Lauf aus %1 fort…</translation>
    </message>
    <message>
        <source>Running… (journal: %1)</source>
        <translation>Läuft… (Journal: %1)</translation>
    </message>
    <message>
        <source>Still running: Cancel Run stops it between steps; close the window afterwards.</source>
        <translation>Läuft noch: Lauf abbrechen hält ihn zwischen zwei Schritten an; schließen Sie das Fenster danach.</translation>
    </message>
</context>
<context>
    <name>pgha::Platform</name>
    <message>
        <source>Percona Distribution for PostgreSQL</source>
        <translation>Percona Distribution for PostgreSQL</translation>
    </message>
    <message>
        <source>PostgreSQL Global Development Group (PGDG)</source>
        <translation>PostgreSQL Global Development Group (PGDG)</translation>
    </message>
    <message>
        <source>The operating system&apos;s own packages</source>
        <translation>Die Pakete des Betriebssystems</translation>
    </message>
</context>
<context>
    <name>pgha::PoolerTree</name>
    <message>
        <source>PgBouncer / pool</source>
        <translation>PgBouncer / Pool</translation>
    </message>
    <message>
        <source>Clients active</source>
        <translation>Clients aktiv</translation>
    </message>
    <message>
        <source>Clients waiting</source>
        <translation>Clients wartend</translation>
    </message>
    <message>
        <source>Servers active / idle / used</source>
        <translation>Server aktiv / untätig / benutzt</translation>
    </message>
    <message>
        <source>Longest wait</source>
        <translation>Längste Wartezeit</translation>
    </message>
    <message>
        <source>Transactions</source>
        <translation>Transaktionen</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>authentication failed: %1</source>
        <translation>Anmeldung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>does not answer: %1</source>
        <translation>antwortet nicht: %1</translation>
    </message>
    <message>
        <source>%1 / %2 (%3)</source>
        <translation>%1 / %2 (%3)</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
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
    <name>pgha::RestoreTargetDialog</name>
    <message>
        <source>Timeline:</source>
        <translation>Timeline:</translation>
    </message>
    <message>
        <source>the one the cluster runs on</source>
        <translation>die, auf der der Cluster läuft</translation>
    </message>
    <message>
        <source>A target before the last failover or restore lies on an older timeline (pgha restore --timeline)</source>
        <translation>Ein Ziel vor dem letzten Failover oder der letzten Wiederherstellung liegt auf einer älteren Timeline (pgha restore --timeline)</translation>
    </message>
    <message>
        <source>Restore cluster &quot;%1&quot;</source>
        <translation>Cluster &quot;%1&quot; wiederherstellen</translation>
    </message>
    <message>
        <source>Restore the whole cluster from its pgBackRest repository to:</source>
        <translation>Den ganzen Cluster aus seinem pgBackRest-Repository wiederherstellen auf:</translation>
    </message>
    <message>
        <source>The &amp;latest state (the end of the WAL archive)</source>
        <translation>Den &amp;neuesten Stand (das Ende des WAL-Archivs)</translation>
    </message>
    <message>
        <source>A &amp;moment:</source>
        <translation>Einen &amp;Zeitpunkt:</translation>
    </message>
    <message>
        <source>Show the &amp;Plan…</source>
        <translation>&amp;Plan zeigen…</translation>
    </message>
    <message>
        <source>Rows committed after that moment are lost; the data directories are kept aside.</source>
        <translation>Zeilen, die nach diesem Zeitpunkt bestätigt wurden, gehen verloren; die Datenverzeichnisse bleiben beiseite erhalten.</translation>
    </message>
    <message>
        <source>Write YYYY-MM-DD HH:MM:SS[.ffffff] with a zone such as +00 or Z.</source>
        <translation>Schreiben Sie JJJJ-MM-TT HH:MM:SS[.ffffff] mit einer Zone wie +00 oder Z.</translation>
    </message>
</context>
<context>
    <name>pgha::Rules</name>
    <message>
        <source>%1: %2.</source>
        <translation>%1: %2.</translation>
    </message>
    <message>
        <source>Remove the setting or write it within its grammar (docs/project-file.md, &quot;Extra settings&quot;).</source>
        <translation>Die Einstellung entfernen oder innerhalb ihrer Grammatik schreiben (docs/project-file.md, „Extra settings“).</translation>
    </message>
    <message>
        <source>%1 sets %2 in %3 of %4, which the design generates itself; extra settings never override it.</source>
        <translation>%1 setzt %2 in %3 von %4, das der Entwurf selbst erzeugt; zusätzliche Einstellungen überschreiben es nie.</translation>
    </message>
    <message>
        <source>Set it through the design&apos;s own key (the Inspector, docs/project-file.md) and remove it from extra.</source>
        <translation>Über den eigenen Schlüssel des Entwurfs setzen (Inspector, docs/project-file.md) und aus extra entfernen.</translation>
    </message>
    <message>
        <source>leader lock expiry</source>
        <translation>Ablauf des Leader-Locks</translation>
    </message>
    <message>
        <source>The leader key lives ttl seconds after the leader&apos;s last refresh, which came up to loop_wait before the crash.</source>
        <translation>Der Leader-Schlüssel lebt ttl Sekunden nach der letzten Erneuerung durch den Leader, die bis zu loop_wait vor dem Absturz lag.</translation>
    </message>
    <message>
        <source>leader race and promotion</source>
        <translation>Leader-Wahl und Promotion</translation>
    </message>
    <message>
        <source>etcd leader election</source>
        <translation>etcd-Leader-Wahl</translation>
    </message>
    <message>
        <source>If the host ran etcd&apos;s leader, the other etcd members elect a new one after a randomised election timeout (1-2 times etcd&apos;s election-timeout).</source>
        <translation>Lief auf dem Host der etcd-Leader, wählen die übrigen etcd-Mitglieder nach einem zufälligen Wahl-Timeout (das 1- bis 2-Fache von etcds election-timeout) einen neuen.</translation>
    </message>
    <message>
        <source>lease renewal by the new etcd leader</source>
        <translation>Lease-Verlängerung durch den neuen etcd-Leader</translation>
    </message>
    <message>
        <source>A new etcd leader extends every lease to a full ttl plus one election timeout, so the dead leader&apos;s key outlives the plain ttl.</source>
        <translation>Ein neuer etcd-Leader verlängert jede Lease auf eine volle ttl plus ein Wahl-Timeout, sodass der Schlüssel des ausgefallenen Leaders länger als die bloße ttl lebt.</translation>
    </message>
    <message>
        <source>Replicas are woken by their etcd watch when the key expires, compare positions and the winner runs pg_ctl promote.</source>
        <translation>Die Replicas werden durch ihren etcd-Watch geweckt, wenn der Schlüssel abläuft, vergleichen ihre WAL-Positionen, und der Gewinner führt pg_ctl promote aus.</translation>
    </message>
    <message>
        <source>HAProxy marks the new primary up</source>
        <translation>HAProxy markiert den neuen Primary als UP</translation>
    </message>
    <message>
        <source>HAProxy needs rise consecutive passing checks, inter apart, before it routes the primary port to the new primary.</source>
        <translation>HAProxy braucht rise aufeinanderfolgende erfolgreiche Prüfungen im Abstand inter, bevor es den Primary-Port zum neuen Primary leitet.</translation>
    </message>
    <message>
        <source>Patroni sets it from postgresql.listen</source>
        <translation>Patroni setzt ihn aus postgresql.listen</translation>
    </message>
    <message>
        <source>Patroni sets it to the cluster&apos;s scope</source>
        <translation>Patroni setzt ihn auf den Scope des Clusters</translation>
    </message>
    <message>
        <source>Patroni always runs with it on</source>
        <translation>Patroni läuft immer mit eingeschaltetem Wert</translation>
    </message>
    <message>
        <source>Patroni manages it (synchronous_mode)</source>
        <translation>Patroni verwaltet ihn (synchronous_mode)</translation>
    </message>
    <message>
        <source>Patroni writes the configuration files and chooses their paths</source>
        <translation>Patroni schreibt die Konfigurationsdateien und wählt ihre Pfade</translation>
    </message>
    <message>
        <source>Patroni writes the recovery settings of every replica</source>
        <translation>Patroni schreibt die Recovery-Einstellungen jeder Replica</translation>
    </message>
    <message>
        <source>there is no PostgreSQL or etcd host to place a new etcd member next to</source>
        <translation>Es gibt keinen PostgreSQL- oder etcd-Host, neben den ein neues etcd-Mitglied gestellt werden könnte</translation>
    </message>
    <message>
        <source>host %1 is in no valid subnet to take an address from</source>
        <translation>Host %1 liegt in keinem gültigen Subnetz, aus dem sich eine Adresse nehmen ließe</translation>
    </message>
    <message>
        <source>subnet %1 has no free address for a new etcd host</source>
        <translation>Subnetz %1 hat keine freie Adresse für einen neuen etcd-Host</translation>
    </message>
    <message>
        <source>loop_wait + 2 * retry_timeout exceeds a day; lower them first</source>
        <translation>loop_wait + 2 * retry_timeout übersteigt einen Tag; senken Sie die Werte zuerst</translation>
    </message>
    <message>
        <source>%1 names no parameter of this design</source>
        <translation>%1 benennt keinen Parameter dieses Entwurfs</translation>
    </message>
    <message>
        <source>%1 has no known new name</source>
        <translation>%1 hat keinen bekannten neuen Namen</translation>
    </message>
    <message>
        <source>wal_keep_segments &quot;%1&quot; is not a whole number</source>
        <translation>wal_keep_segments &quot;%1&quot; ist keine ganze Zahl</translation>
    </message>
    <message>
        <source>%1 names no host of this design</source>
        <translation>%1 benennt keinen Host dieses Entwurfs</translation>
    </message>
    <message>
        <source>host %1 has no valid address</source>
        <translation>Host %1 hat keine gültige Adresse</translation>
    </message>
    <message>
        <source>no subnet contains %1</source>
        <translation>Kein Subnetz enthält %1</translation>
    </message>
    <message>
        <source>finding [%1] offers no quick fix</source>
        <translation>Befund [%1] bietet keine Schnellkorrektur</translation>
    </message>
    <message>
        <source>unknown quick fix &quot;%1&quot;</source>
        <translation>Unbekannte Schnellkorrektur &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Host %1 has no address.</source>
        <translation>Host %1 hat keine Adresse.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an IPv4 or IPv6 address.</source>
        <translation>&quot;%1&quot; ist keine IPv4- oder IPv6-Adresse.</translation>
    </message>
    <message>
        <source>%1 is the unspecified address, not one a host can have.</source>
        <translation>%1 ist die unspezifizierte Adresse, die kein Host haben kann.</translation>
    </message>
    <message>
        <source>%1 is a multicast or broadcast address.</source>
        <translation>%1 ist eine Multicast- oder Broadcast-Adresse.</translation>
    </message>
    <message>
        <source>Enter the host&apos;s unicast address literally, e.g. 10.104.0.1 (no host names: the generated configs must work without DNS).</source>
        <translation>Geben Sie die Unicast-Adresse des Hosts direkt ein, z. B. 10.104.0.1 (keine Hostnamen: Die erzeugten Konfigurationen müssen ohne DNS funktionieren).</translation>
    </message>
    <message>
        <source>Another host already has the address %1.</source>
        <translation>Ein anderer Host hat bereits die Adresse %1.</translation>
    </message>
    <message>
        <source>Give every host its own address; services of one machine belong on one host with several roles.</source>
        <translation>Geben Sie jedem Host eine eigene Adresse; Dienste einer Maschine gehören auf einen Host mit mehreren Rollen.</translation>
    </message>
    <message>
        <source>A subnet has no name.</source>
        <translation>Ein Subnetz hat keinen Namen.</translation>
    </message>
    <message>
        <source>Name the subnet, e.g. &quot;db&quot;.</source>
        <translation>Benennen Sie das Subnetz, z. B. &quot;db&quot;.</translation>
    </message>
    <message>
        <source>Another subnet is already named &quot;%1&quot;.</source>
        <translation>Ein anderes Subnetz heißt bereits &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Rename one of them; hosts refer to subnets by name.</source>
        <translation>Benennen Sie eines davon um; Hosts verweisen über den Namen auf Subnetze.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a network in CIDR notation.</source>
        <translation>&quot;%1&quot; ist kein Netz in CIDR-Schreibweise.</translation>
    </message>
    <message>
        <source>Write the network address and prefix length, e.g. 10.104.0.0/24.</source>
        <translation>Schreiben Sie Netzadresse und Präfixlänge, z. B. 10.104.0.0/24.</translation>
    </message>
    <message>
        <source>%1 has host bits set; the network is %2.</source>
        <translation>%1 hat gesetzte Host-Bits; das Netz ist %2.</translation>
    </message>
    <message>
        <source>Write the network as %1 (pg_hba and firewalls read it that way anyway).</source>
        <translation>Schreiben Sie das Netz als %1 (pg_hba und Firewalls lesen es ohnehin so).</translation>
    </message>
    <message>
        <source>%1 covers every address, so nothing derived from it (pg_hba, firewall) restricts anything.</source>
        <translation>%1 umfasst jede Adresse, daher schränkt nichts daraus Abgeleitete (pg_hba, Firewall) irgendetwas ein.</translation>
    </message>
    <message>
        <source>Enter the real network, e.g. 10.104.0.0/24.</source>
        <translation>Geben Sie das tatsächliche Netz ein, z. B. 10.104.0.0/24.</translation>
    </message>
    <message>
        <source>Put the host into subnet &quot;%1&quot;, which contains %2.</source>
        <translation>Legen Sie den Host in das Subnetz &quot;%1&quot;, das %2 enthält.</translation>
    </message>
    <message>
        <source>Add a subnet containing %1 and put the host into it.</source>
        <translation>Legen Sie ein Subnetz an, das %1 enthält, und legen Sie den Host hinein.</translation>
    </message>
    <message>
        <source>Host %1 is in no subnet, so pg_hba and firewall rules do not cover it.</source>
        <translation>Host %1 liegt in keinem Subnetz, daher erfassen ihn pg_hba- und Firewall-Regeln nicht.</translation>
    </message>
    <message>
        <source>Host %1 names subnet &quot;%2&quot;, which does not exist.</source>
        <translation>Host %1 nennt das Subnetz &quot;%2&quot;, das nicht existiert.</translation>
    </message>
    <message>
        <source>%1 is not inside subnet %2 (%3).</source>
        <translation>%1 liegt nicht im Subnetz %2 (%3).</translation>
    </message>
    <message>
        <source>Move the host to subnet &quot;%1&quot;, or correct its address.</source>
        <translation>Verschieben Sie den Host in das Subnetz &quot;%1&quot; oder korrigieren Sie seine Adresse.</translation>
    </message>
    <message>
        <source>Correct the address or the subnet&apos;s CIDR.</source>
        <translation>Korrigieren Sie die Adresse oder das CIDR des Subnetzes.</translation>
    </message>
    <message>
        <source>No host runs etcd, so Patroni has no DCS to elect a leader in.</source>
        <translation>Auf keinem Host läuft etcd, daher hat Patroni keinen DCS, in dem ein Leader gewählt werden kann.</translation>
    </message>
    <message>
        <source>Give the etcd role to three hosts (the PostgreSQL hosts will do for a start).</source>
        <translation>Geben Sie drei Hosts die etcd-Rolle (für den Anfang genügen die PostgreSQL-Hosts).</translation>
    </message>
    <message>
        <source>Only one host runs etcd, so losing it stops every failover and, without failsafe_mode, demotes the primary.</source>
        <translation>Nur auf einem Host läuft etcd; fällt er aus, ist kein Failover mehr möglich, und ohne failsafe_mode wird der Primary herabgestuft.</translation>
    </message>
    <message>
        <source>Run etcd on three hosts: three members survive the loss of one.</source>
        <translation>Betreiben Sie etcd auf drei Hosts: Drei Mitglieder überstehen den Ausfall eines Mitglieds.</translation>
    </message>
    <message>
        <source>%1 etcd members tolerate %2 failure(s), no more than %3 would, and need more members for a quorum.</source>
        <translation>%1 etcd-Mitglieder verkraften %2 Ausfall/Ausfälle, nicht mehr als %3, und brauchen mehr Mitglieder für ein Quorum.</translation>
    </message>
    <message>
        <source>Use an odd number of etcd members: add one, or remove one.</source>
        <translation>Verwenden Sie eine ungerade Anzahl von etcd-Mitgliedern: Fügen Sie eines hinzu oder entfernen Sie eines.</translation>
    </message>
    <message>
        <source>%1 etcd members slow every write (each must reach a majority) without practical gain in availability.</source>
        <translation>%1 etcd-Mitglieder verlangsamen jeden Schreibvorgang (jeder muss eine Mehrheit erreichen), ohne praktischen Gewinn an Verfügbarkeit.</translation>
    </message>
    <message>
        <source>Use 3, 5 or at most 7 etcd members, as the etcd FAQ recommends.</source>
        <translation>Verwenden Sie 3, 5 oder höchstens 7 etcd-Mitglieder, wie es die etcd-FAQ empfiehlt.</translation>
    </message>
    <message>
        <source>etcd shares hosts with PostgreSQL (%1), where disk latency from the database can delay etcd&apos;s fsyncs and heartbeats.</source>
        <translation>etcd teilt sich Hosts mit PostgreSQL (%1), wo Plattenlatenz durch die Datenbank die fsyncs und Heartbeats von etcd verzögern kann.</translation>
    </message>
    <message>
        <source>In production give etcd its own disk or its own hosts; for a lab this is fine.</source>
        <translation>Geben Sie etcd in Produktion eine eigene Platte oder eigene Hosts; für ein Labor ist das in Ordnung.</translation>
    </message>
    <message>
        <source>No host runs HAProxy, so clients have no single address that follows the primary.</source>
        <translation>Auf keinem Host läuft HAProxy, daher haben Clients keine feste Adresse, die dem Primary folgt.</translation>
    </message>
    <message>
        <source>Give the haproxy role to a host, preferably two in the clients&apos; subnet.</source>
        <translation>Geben Sie einem Host die haproxy-Rolle, besser zweien im Subnetz der Clients.</translation>
    </message>
    <message>
        <source>HAProxy runs only on %1, a single point of failure for every client.</source>
        <translation>HAProxy läuft nur auf %1, ein Single Point of Failure für jeden Client.</translation>
    </message>
    <message>
        <source>Run HAProxy on two hosts behind a virtual IP (keepalived), or list both in the clients&apos; connection strings.</source>
        <translation>Betreiben Sie HAProxy auf zwei Hosts hinter einer virtuellen IP (keepalived) oder tragen Sie beide in die Verbindungszeichenfolgen der Clients ein.</translation>
    </message>
    <message>
        <source>Global maxconn %1 is below the %2 connections the listeners accept (server_maxconn %3 x %4 servers x 2 listeners), so clients queue in the kernel before HAProxy.</source>
        <translation>Das globale maxconn %1 liegt unter den %2 Verbindungen, die die Listener annehmen (server_maxconn %3 x %4 Server x 2 Listener), daher warten Clients im Kernel vor HAProxy.</translation>
    </message>
    <message>
        <source>Raise global maxconn to %1, or lower server_maxconn.</source>
        <translation>Erhöhen Sie das globale maxconn auf %1 oder senken Sie server_maxconn.</translation>
    </message>
    <message>
        <source>HAProxy may open %1 connections to one PostgreSQL server (server_maxconn %2 x 2 listeners), more than the %3 that max_connections %4 leaves to ordinary users.</source>
        <translation>HAProxy darf %1 Verbindungen zu einem PostgreSQL-Server öffnen (server_maxconn %2 x 2 Listener), mehr als die %3, die max_connections %4 normalen Benutzern lässt.</translation>
    </message>
    <message>
        <source>Lower server_maxconn to %1 or raise max_connections to %2.</source>
        <translation>Senken Sie server_maxconn auf %1 oder erhöhen Sie max_connections auf %2.</translation>
    </message>
    <message>
        <source>HAProxy needs up to %1 s (inter %2 ms x fall %3) to stop routing the primary port to a demoted primary, which then refuses writes.</source>
        <translation>HAProxy braucht bis zu %1 s (inter %2 ms x fall %3), bis es den Primary-Port nicht mehr zu einem herabgestuften Primary leitet, der dann Schreibzugriffe ablehnt.</translation>
    </message>
    <message>
        <source>Check every 1000 ms with fall 3 or less (on-marked-down shutdown-sessions then cuts old sessions within 3 s).</source>
        <translation>Prüfen Sie alle 1000 ms mit fall 3 oder weniger (on-marked-down shutdown-sessions trennt alte Sitzungen dann binnen 3 s).</translation>
    </message>
    <message>
        <source>HAProxy host %1 sits in the database subnet &quot;%2&quot;, so clients need a route into it.</source>
        <translation>HAProxy-Host %1 liegt im Datenbank-Subnetz &quot;%2&quot;, daher brauchen Clients eine Route dorthin.</translation>
    </message>
    <message>
        <source>Put the load balancer in its own subnet that admits only the clients&apos; range, as the Percona guide recommends.</source>
        <translation>Legen Sie den Load Balancer in ein eigenes Subnetz, das nur den Adressbereich der Clients zulässt, wie es der Percona-Leitfaden empfiehlt.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a pg_hba connection type.</source>
        <translation>&quot;%1&quot; ist kein pg_hba-Verbindungstyp.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a pg_hba authentication method.</source>
        <translation>&quot;%1&quot; ist keine pg_hba-Authentifizierungsmethode.</translation>
    </message>
    <message>
        <source>The entry needs a database and a user (&quot;all&quot; matches any).</source>
        <translation>Der Eintrag braucht eine Datenbank und einen Benutzer (&quot;all&quot; passt auf alle).</translation>
    </message>
    <message>
        <source>A local entry takes no address.</source>
        <translation>Ein local-Eintrag nimmt keine Adresse.</translation>
    </message>
    <message>
        <source>A %1 entry needs an address.</source>
        <translation>Ein %1-Eintrag braucht eine Adresse.</translation>
    </message>
    <message>
        <source>%1 lacks its mask; pg_hba needs /32 or /128 for one host.</source>
        <translation>%1 fehlt die Maske; pg_hba braucht /32 oder /128 für einen einzelnen Host.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an address in CIDR notation.</source>
        <translation>&quot;%1&quot; ist keine Adresse in CIDR-Schreibweise.</translation>
    </message>
    <message>
        <source>peer authentication works only for local connections.</source>
        <translation>peer-Authentifizierung funktioniert nur für local-Verbindungen.</translation>
    </message>
    <message>
        <source>Correct the entry: PostgreSQL refuses to load a pg_hba.conf with an invalid line, and Patroni then cannot start it.</source>
        <translation>Korrigieren Sie den Eintrag: PostgreSQL lädt keine pg_hba.conf mit einer ungültigen Zeile, und Patroni kann PostgreSQL dann nicht starten.</translation>
    </message>
    <message>
        <source>trust for %1 lets every local OS user connect as %2 without a password.</source>
        <translation>trust für %1 lässt jeden lokalen Betriebssystembenutzer ohne Kennwort als %2 verbinden.</translation>
    </message>
    <message>
        <source>Use scram-sha-256; Patroni and the tools read passwords from pgpass.</source>
        <translation>Verwenden Sie scram-sha-256; Patroni und die Werkzeuge lesen Kennwörter aus pgpass.</translation>
    </message>
    <message>
        <source>trust for %1 lets anyone who reaches the port connect as %2 without a password.</source>
        <translation>trust für %1 lässt jeden, der den Port erreicht, ohne Kennwort als %2 verbinden.</translation>
    </message>
    <message>
        <source>Use scram-sha-256 and limit the address to the subnet that needs it.</source>
        <translation>Verwenden Sie scram-sha-256 und beschränken Sie die Adresse auf das Subnetz, das sie braucht.</translation>
    </message>
    <message>
        <source>%1 admits %2 to %3 from every address.</source>
        <translation>%1 lässt %2 von jeder Adresse auf %3 zu.</translation>
    </message>
    <message>
        <source>Limit the entry to the subnets that need it (mark client subnets clients: true and the generator admits them).</source>
        <translation>Beschränken Sie den Eintrag auf die Subnetze, die ihn brauchen (markieren Sie Client-Subnetze mit clients: true, dann lässt der Generator sie zu).</translation>
    </message>
    <message>
        <source>password sends the password in clear text over a connection that may not be encrypted.</source>
        <translation>password sendet das Kennwort im Klartext über eine Verbindung, die womöglich nicht verschlüsselt ist.</translation>
    </message>
    <message>
        <source>Use scram-sha-256.</source>
        <translation>Verwenden Sie scram-sha-256.</translation>
    </message>
    <message>
        <source>md5 is weaker than scram-sha-256 (the default password_encryption since PostgreSQL 14; md5 passwords are deprecated in 18).</source>
        <translation>md5 ist schwächer als scram-sha-256 (Standard für password_encryption seit PostgreSQL 14; md5-Kennwörter sind ab 18 abgekündigt).</translation>
    </message>
    <message>
        <source>Use scram-sha-256; the generated passwords are stored as SCRAM.</source>
        <translation>Verwenden Sie scram-sha-256; die erzeugten Kennwörter werden als SCRAM gespeichert.</translation>
    </message>
    <message>
        <source>No subnet is marked for clients, so pg_hba and the firewalls admit only the cluster&apos;s own hosts.</source>
        <translation>Kein Subnetz ist für Clients markiert, daher lassen pg_hba und die Firewalls nur die Hosts des Clusters selbst zu.</translation>
    </message>
    <message>
        <source>Add the applications&apos; network as a subnet with clients: true.</source>
        <translation>Legen Sie das Netz der Anwendungen als Subnetz mit clients: true an.</translation>
    </message>
    <message>
        <source>Host %1 has no role, so nothing is generated or deployed for it.</source>
        <translation>Host %1 hat keine Rolle, daher wird für ihn nichts erzeugt oder ausgerollt.</translation>
    </message>
    <message>
        <source>Give it a role (postgres, etcd, haproxy) or remove it.</source>
        <translation>Geben Sie ihm eine Rolle (postgres, etcd, haproxy) oder entfernen Sie ihn.</translation>
    </message>
    <message>
        <source>Operating system &quot;%1&quot; of host %2 is not one we generate for.</source>
        <translation>Für das Betriebssystem &quot;%1&quot; von Host %2 wird nichts erzeugt.</translation>
    </message>
    <message>
        <source>Choose one of: %1.</source>
        <translation>Wählen Sie eines von: %1.</translation>
    </message>
    <message>
        <source>The hosts mix RHEL-family and Debian-family systems, so paths, packages and runbook steps differ between them.</source>
        <translation>Die Hosts mischen Systeme der RHEL- und der Debian-Familie, daher unterscheiden sich Pfade, Pakete und Runbook-Schritte zwischen ihnen.</translation>
    </message>
    <message>
        <source>Prefer one OS family for all hosts unless you have a reason; the generated files already follow each host&apos;s family.</source>
        <translation>Verwenden Sie ohne besonderen Grund eine Betriebssystemfamilie für alle Hosts; die erzeugten Dateien folgen bereits der Familie jedes Hosts.</translation>
    </message>
    <message>
        <source>PostgreSQL host %1 runs %2 while %3 runs %4, so their C libraries may collate text differently under the same physical replica.</source>
        <translation>PostgreSQL-Host %1 läuft unter %2, %3 dagegen unter %4; ihre C-Bibliotheken können Text bei derselben physischen Replica unterschiedlich sortieren.</translation>
    </message>
    <message>
        <source>Run every PostgreSQL host on the same OS release (or use ICU/C collations only).</source>
        <translation>Betreiben Sie jeden PostgreSQL-Host mit demselben Betriebssystem-Release (oder verwenden Sie nur ICU/C-Collations).</translation>
    </message>
    <message>
        <source>SSH port %1 of host %2 is outside 1-65535.</source>
        <translation>SSH-Port %1 von Host %2 liegt außerhalb von 1-65535.</translation>
    </message>
    <message>
        <source>Set the port sshd listens on, usually 22.</source>
        <translation>Setzen Sie den Port, auf dem sshd lauscht, meist 22.</translation>
    </message>
    <message>
        <source>The namespace &quot;%1&quot; is not usable as Patroni namespace (DCS key prefix).</source>
        <translation>Der Namespace &quot;%1&quot; ist als Patroni-Namespace (DCS-Schlüsselpräfix) nicht verwendbar.</translation>
    </message>
    <message>
        <source>Use 1-63 characters from letters, digits, &apos;_&apos;, &apos;-&apos;, &apos;.&apos; and &apos;/&apos;, e.g. &quot;service&quot;.</source>
        <translation>Verwenden Sie 1-63 Zeichen aus Buchstaben, Ziffern, &apos;_&apos;, &apos;-&apos;, &apos;.&apos; und &apos;/&apos;, z. B. &quot;service&quot;.</translation>
    </message>
    <message>
        <source>A host has no name.</source>
        <translation>Ein Host hat keinen Namen.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid host name (RFC 1123).</source>
        <translation>&quot;%1&quot; ist kein gültiger Hostname (RFC 1123).</translation>
    </message>
    <message>
        <source>Use letters, digits and inner hyphens only, at most 63 per dot-separated label (it becomes the Patroni member, etcd member and /etc/hosts name).</source>
        <translation>Verwenden Sie nur Buchstaben, Ziffern und innere Bindestriche, höchstens 63 je durch Punkte getrenntem Teil (der Name wird Patroni-Mitglied, etcd-Mitglied und Name in /etc/hosts).</translation>
    </message>
    <message>
        <source>Another host is already named &quot;%1&quot; (names compare case-insensitively).</source>
        <translation>Ein anderer Host heißt bereits &quot;%1&quot; (Groß-/Kleinschreibung zählt beim Vergleich nicht).</translation>
    </message>
    <message>
        <source>Rename one of them: Patroni members and etcd members need unique names.</source>
        <translation>Benennen Sie einen davon um: Patroni- und etcd-Mitglieder brauchen eindeutige Namen.</translation>
    </message>
    <message>
        <source>No host runs PostgreSQL.</source>
        <translation>Auf keinem Host läuft PostgreSQL.</translation>
    </message>
    <message>
        <source>Only one host runs PostgreSQL, so there is nothing to fail over to.</source>
        <translation>Nur auf einem Host läuft PostgreSQL, daher gibt es kein Ziel für einen Failover.</translation>
    </message>
    <message>
        <source>Give the postgres role to at least three hosts.</source>
        <translation>Geben Sie mindestens drei Hosts die postgres-Rolle.</translation>
    </message>
    <message>
        <source>With two PostgreSQL hosts, one failure leaves a primary without any replica.</source>
        <translation>Mit zwei PostgreSQL-Hosts bleibt nach einem Ausfall ein Primary ohne jede Replica.</translation>
    </message>
    <message>
        <source>Use three PostgreSQL hosts so that a failover still leaves a replica.</source>
        <translation>Verwenden Sie drei PostgreSQL-Hosts, damit nach einem Failover noch eine Replica bleibt.</translation>
    </message>
    <message>
        <source>Every PostgreSQL host is tagged nofailover, so Patroni can never elect a leader.</source>
        <translation>Jeder PostgreSQL-Host trägt das Tag nofailover, daher kann Patroni nie einen Leader wählen.</translation>
    </message>
    <message>
        <source>Clear nofailover on at least two PostgreSQL hosts.</source>
        <translation>Entfernen Sie nofailover auf mindestens zwei PostgreSQL-Hosts.</translation>
    </message>
    <message>
        <source>Only %1 may become leader, so no failover happens when it fails.</source>
        <translation>Nur %1 darf Leader werden, daher findet kein Failover statt, wenn dieser Host ausfällt.</translation>
    </message>
    <message>
        <source>Clear nofailover on at least one more PostgreSQL host.</source>
        <translation>Entfernen Sie nofailover auf mindestens einem weiteren PostgreSQL-Host.</translation>
    </message>
    <message>
        <source>With one PostgreSQL host nothing ever serves the read-only port.</source>
        <translation>Mit einem PostgreSQL-Host bedient nie etwas den Nur-Lese-Port.</translation>
    </message>
    <message>
        <source>Add PostgreSQL hosts, or drop the read-only port from your applications.</source>
        <translation>Fügen Sie PostgreSQL-Hosts hinzu oder verwenden Sie den Nur-Lese-Port in Ihren Anwendungen nicht.</translation>
    </message>
    <message>
        <source>Every PostgreSQL host is tagged noloadbalance, so the read-only port never has a server.</source>
        <translation>Jeder PostgreSQL-Host trägt das Tag noloadbalance, daher hat der Nur-Lese-Port nie einen Server.</translation>
    </message>
    <message>
        <source>Clear noloadbalance on the replicas that should serve reads.</source>
        <translation>Entfernen Sie noloadbalance auf den Replicas, die Lesezugriffe bedienen sollen.</translation>
    </message>
    <message>
        <source>Only %1 may serve reads, so the read-only port has no server while %1 is the leader.</source>
        <translation>Nur %1 darf Lesezugriffe bedienen, daher hat der Nur-Lese-Port keinen Server, solange %1 Leader ist.</translation>
    </message>
    <message>
        <source>Clear noloadbalance on one more replica, or tag %1 nofailover.</source>
        <translation>Entfernen Sie noloadbalance auf einer weiteren Replica oder versehen Sie %1 mit nofailover.</translation>
    </message>
    <message>
        <source>Set ttl to at least max(20, loop_wait + 2 * retry_timeout), e.g. ttl 30, loop_wait 10, retry_timeout 10.</source>
        <translation>Setzen Sie ttl auf mindestens max(20, loop_wait + 2 * retry_timeout), z. B. ttl 30, loop_wait 10, retry_timeout 10.</translation>
    </message>
    <message>
        <source>loop_wait %1 is below Patroni&apos;s minimum of 1 second.</source>
        <translation>loop_wait %1 liegt unter dem Patroni-Minimum von 1 Sekunde.</translation>
    </message>
    <message>
        <source>Set loop_wait to 1 or more (10 is the default).</source>
        <translation>Setzen Sie loop_wait auf 1 oder mehr (Standard ist 10).</translation>
    </message>
    <message>
        <source>retry_timeout %1 is below Patroni&apos;s documented minimum of 3 seconds, so short etcd hiccups demote the primary.</source>
        <translation>retry_timeout %1 liegt unter dem dokumentierten Patroni-Minimum von 3 Sekunden, daher stufen kurze etcd-Aussetzer den Primary herab.</translation>
    </message>
    <message>
        <source>Set retry_timeout to 3 or more (10 is the default).</source>
        <translation>Setzen Sie retry_timeout auf 3 oder mehr (Standard ist 10).</translation>
    </message>
    <message>
        <source>ttl %1 is less than loop_wait + 2 * retry_timeout = %2, so the leader key can expire while the leader is still retrying.</source>
        <translation>ttl %1 ist kleiner als loop_wait + 2 * retry_timeout = %2, daher kann der Leader-Schlüssel ablaufen, während der Leader es noch erneut versucht.</translation>
    </message>
    <message>
        <source>ttl %1 is below Patroni&apos;s documented minimum of 20 seconds.</source>
        <translation>ttl %1 liegt unter dem dokumentierten Patroni-Minimum von 20 Sekunden.</translation>
    </message>
    <message>
        <source>synchronous_mode_strict is on but no replica can be synchronous, so every commit would wait forever.</source>
        <translation>synchronous_mode_strict ist an, aber keine Replica kann synchron sein, daher würde jeder Commit ewig warten.</translation>
    </message>
    <message>
        <source>synchronous_mode is on but no replica can be synchronous, so it silently runs asynchronously.</source>
        <translation>synchronous_mode ist an, aber keine Replica kann synchron sein, daher läuft der Cluster stillschweigend asynchron.</translation>
    </message>
    <message>
        <source>Add PostgreSQL hosts without the nosync tag, or turn synchronous_mode off.</source>
        <translation>Fügen Sie PostgreSQL-Hosts ohne das Tag nosync hinzu oder schalten Sie synchronous_mode aus.</translation>
    </message>
    <message>
        <source>With synchronous_mode_strict and one possible synchronous replica, losing that replica stops all writes.</source>
        <translation>Mit synchronous_mode_strict und nur einer möglichen synchronen Replica stoppt deren Ausfall alle Schreibzugriffe.</translation>
    </message>
    <message>
        <source>Add a PostgreSQL host (two sync-capable replicas), or turn synchronous_mode_strict off.</source>
        <translation>Fügen Sie einen PostgreSQL-Host hinzu (zwei synchronfähige Replicas) oder schalten Sie synchronous_mode_strict aus.</translation>
    </message>
    <message>
        <source>After a leader crash expect a new primary in about %1 s (%2-%3 s)</source>
        <translation>Nach einem Absturz des Leaders ist in etwa %1 s (%2-%3 s) mit einem neuen Primary zu rechnen</translation>
    </message>
    <message>
        <source> and writes through HAProxy again in about %1 s (%2-%3 s)</source>
        <translation> und mit Schreibzugriffen über HAProxy wieder in etwa %1 s (%2-%3 s)</translation>
    </message>
    <message>
        <source>; after a power loss of the leader&apos;s host, whose etcd member may lead etcd, about %1 s (%2-%3 s)</source>
        <translation>; nach einem Stromausfall des Leader-Hosts, dessen etcd-Mitglied etcd anführen kann, in etwa %1 s (%2-%3 s)</translation>
    </message>
    <message>
        <source>To shorten it lower ttl and loop_wait (keeping ttl &gt;= loop_wait + 2 * retry_timeout) and check HAProxy every second (inter 1s).</source>
        <translation>Zum Verkürzen senken Sie ttl und loop_wait (mit ttl &gt;= loop_wait + 2 * retry_timeout) und lassen HAProxy jede Sekunde prüfen (inter 1s).</translation>
    </message>
    <message>
        <source>On host %1, %2 and %3 both want port %4.</source>
        <translation>Auf Host %1 wollen %2 und %3 beide Port %4.</translation>
    </message>
    <message>
        <source>Give one of them another port in the cluster settings, or move a role to another host.</source>
        <translation>Geben Sie einem davon in den Cluster-Einstellungen einen anderen Port oder verlegen Sie eine Rolle auf einen anderen Host.</translation>
    </message>
    <message>
        <source>Port %1 for %2 is outside 1-65535.</source>
        <translation>Port %1 für %2 liegt außerhalb von 1-65535.</translation>
    </message>
    <message>
        <source>Choose a port between 1024 and 65535.</source>
        <translation>Wählen Sie einen Port zwischen 1024 und 65535.</translation>
    </message>
    <message>
        <source>Port %1 for %2 is privileged, and that service runs as an unprivileged user that cannot bind it.</source>
        <translation>Port %1 für %2 ist privilegiert, und der Dienst läuft als unprivilegierter Benutzer, der ihn nicht binden kann.</translation>
    </message>
    <message>
        <source>Choose a port of 1024 or above (defaults: 5432, 8008, 2379, 2380).</source>
        <translation>Wählen Sie einen Port ab 1024 (Standardwerte: 5432, 8008, 2379, 2380).</translation>
    </message>
    <message>
        <source>Distribution &quot;%1&quot; is not one we can install.</source>
        <translation>Die Distribution &quot;%1&quot; kann nicht installiert werden.</translation>
    </message>
    <message>
        <source>Choose percona, pgdg or os.</source>
        <translation>Wählen Sie percona, pgdg oder os.</translation>
    </message>
    <message>
        <source>%1 ships no PostgreSQL for &quot;%2&quot; (%3).</source>
        <translation>%1 liefert kein PostgreSQL für &quot;%2&quot; (%3).</translation>
    </message>
    <message>
        <source>Choose a known OS for those hosts, or another distribution.</source>
        <translation>Wählen Sie für diese Hosts ein bekanntes Betriebssystem oder eine andere Distribution.</translation>
    </message>
    <message>
        <source>%1 ships PostgreSQL %2 for %3, not %4 (hosts %5).</source>
        <translation>%1 liefert PostgreSQL %2 für %3, nicht %4 (Hosts %5).</translation>
    </message>
    <message>
        <source>Choose PostgreSQL %1 (the newest it ships), or another distribution.</source>
        <translation>Wählen Sie PostgreSQL %1 (die neueste gelieferte Version) oder eine andere Distribution.</translation>
    </message>
    <message>
        <source>PostgreSQL 12 and later refuse default_with_oids = on (tables WITH OIDS are gone).</source>
        <translation>PostgreSQL 12 und neuer lehnen default_with_oids = on ab (Tabellen WITH OIDS gibt es nicht mehr).</translation>
    </message>
    <message>
        <source>Remove default_with_oids.</source>
        <translation>Entfernen Sie default_with_oids.</translation>
    </message>
    <message>
        <source>PostgreSQL %1 rejects %2 (replaced by %3 in %4).</source>
        <translation>PostgreSQL %1 lehnt %2 ab (in %4 durch %3 ersetzt).</translation>
    </message>
    <message>
        <source>PostgreSQL %1 rejects %2 (removed in %3).</source>
        <translation>PostgreSQL %1 lehnt %2 ab (in %3 entfernt).</translation>
    </message>
    <message>
        <source>Use wal_keep_size = segments x 16MB instead.</source>
        <translation>Verwenden Sie stattdessen wal_keep_size = Segmente x 16MB.</translation>
    </message>
    <message>
        <source>Use %1 instead (check the unit: the meaning may differ).</source>
        <translation>Verwenden Sie stattdessen %1 (prüfen Sie die Einheit: Die Bedeutung kann abweichen).</translation>
    </message>
    <message>
        <source>Remove %1.</source>
        <translation>Entfernen Sie %1.</translation>
    </message>
    <message>
        <source>PostgreSQL %1 does not know %2 (added in %3).</source>
        <translation>PostgreSQL %1 kennt %2 nicht (eingeführt in %3).</translation>
    </message>
    <message>
        <source>Remove %1, or choose PostgreSQL %2 or later.</source>
        <translation>Entfernen Sie %1 oder wählen Sie PostgreSQL %2 oder neuer.</translation>
    </message>
    <message>
        <source>, though Patroni converts it when it starts the server.</source>
        <translation>, Patroni wandelt ihn allerdings beim Start des Servers um.</translation>
    </message>
    <message>
        <source>%1 here has no effect: %2.</source>
        <translation>%1 wirkt hier nicht: %2.</translation>
    </message>
    <message>
        <source>Remove it from the parameters.</source>
        <translation>Entfernen Sie ihn aus den Parametern.</translation>
    </message>
    <message>
        <source>Patroni ignores %1 = %2 (below its minimum of %3) and runs with %4.</source>
        <translation>Patroni ignoriert %1 = %2 (unter seinem Minimum von %3) und läuft mit %4.</translation>
    </message>
    <message>
        <source>Set %1 to %2 or more.</source>
        <translation>Setzen Sie %1 auf %2 oder mehr.</translation>
    </message>
    <message>
        <source>wal_level = %1 cannot feed replicas; Patroni ignores it and uses replica.</source>
        <translation>wal_level = %1 kann keine Replicas versorgen; Patroni ignoriert den Wert und verwendet replica.</translation>
    </message>
    <message>
        <source>Set wal_level to replica (or logical), or remove it.</source>
        <translation>Setzen Sie wal_level auf replica (oder logical) oder entfernen Sie den Parameter.</translation>
    </message>
    <message>
        <source>max_wal_senders %1 is fewer than the %2 replicas that stream at once.</source>
        <translation>max_wal_senders %1 ist weniger als die %2 Replicas, die gleichzeitig streamen.</translation>
    </message>
    <message>
        <source>Set max_wal_senders to at least %1.</source>
        <translation>Setzen Sie max_wal_senders auf mindestens %1.</translation>
    </message>
    <message>
        <source>max_wal_senders %1 leaves no room for the two senders pg_basebackup needs to rebuild a replica while %2 replicas stream.</source>
        <translation>max_wal_senders %1 lässt keinen Platz für die zwei Sender, die pg_basebackup zum Neuaufbau einer Replica braucht, während %2 Replicas streamen.</translation>
    </message>
    <message>
        <source>max_replication_slots %1 is fewer than the %2 slots use_slots needs (one per other member).</source>
        <translation>max_replication_slots %1 ist weniger als die %2 Slots, die use_slots braucht (einer je anderem Mitglied).</translation>
    </message>
    <message>
        <source>Set max_replication_slots to at least %1.</source>
        <translation>Setzen Sie max_replication_slots auf mindestens %1.</translation>
    </message>
    <message>
        <source>Leave data_dir empty for the platform default (e.g. /var/lib/pgsql/16/data) or use an absolute path on a persistent disk.</source>
        <translation>Lassen Sie data_dir für den Standard der Plattform leer (z. B. /var/lib/pgsql/16/data) oder verwenden Sie einen absoluten Pfad auf einer dauerhaften Platte.</translation>
    </message>
    <message>
        <source>data_dir &quot;%1&quot; is not an absolute path.</source>
        <translation>data_dir &quot;%1&quot; ist kein absoluter Pfad.</translation>
    </message>
    <message>
        <source>data_dir %1 is under %2, which is emptied on reboot.</source>
        <translation>data_dir %1 liegt unter %2, das beim Neustart geleert wird.</translation>
    </message>
    <message>
        <source>data_dir %1 is a system directory; initdb needs an empty directory of its own.</source>
        <translation>data_dir %1 ist ein Systemverzeichnis; initdb braucht ein eigenes, leeres Verzeichnis.</translation>
    </message>
    <message>
        <source>Leave %1 empty so that pgha generates one (32 random characters), or use at least %2 random characters.</source>
        <translation>Lassen Sie %1 leer, damit pgha eines erzeugt (32 Zufallszeichen), oder verwenden Sie mindestens %2 Zufallszeichen.</translation>
    </message>
    <message>
        <source>%1 is a well-known default password.</source>
        <translation>%1 ist ein bekanntes Standardkennwort.</translation>
    </message>
    <message>
        <source>%1 is the account&apos;s own user name.</source>
        <translation>%1 ist der eigene Benutzername des Kontos.</translation>
    </message>
    <message>
        <source>%1 has %2 characters, fewer than %3.</source>
        <translation>%1 hat %2 Zeichen, weniger als %3.</translation>
    </message>
    <message>
        <source>%1 is the same as %2, so one leak opens both accounts.</source>
        <translation>%1 ist identisch mit %2, daher öffnet ein einziges Leck beide Konten.</translation>
    </message>
    <message>
        <source>Give every account its own password.</source>
        <translation>Geben Sie jedem Konto ein eigenes Kennwort.</translation>
    </message>
    <message>
        <source>TLS is off: etcd, Patroni&apos;s REST API and PostgreSQL speak plain text, and whoever reaches port %1 can rewrite the leader key without a client certificate.</source>
        <translation>TLS ist aus: etcd, die REST-API von Patroni und PostgreSQL sprechen Klartext, und wer Port %1 erreicht, kann den Leader-Schlüssel ohne Client-Zertifikat umschreiben.</translation>
    </message>
    <message>
        <source>Set cluster.security.tls: true (the certificates are generated and kept with the secrets).</source>
        <translation>Setzen Sie cluster.security.tls: true (die Zertifikate werden erzeugt und bei den Geheimnissen aufbewahrt).</translation>
    </message>
    <message>
        <source>cluster.security.ca is &quot;supplied&quot; but the secrets hold no CA certificate.</source>
        <translation>cluster.security.ca ist &quot;supplied&quot;, aber die Geheimnisse enthalten kein CA-Zertifikat.</translation>
    </message>
    <message>
        <source>Put the CA&apos;s cert (and key, or every host&apos;s cert and key) under tls: in the secrets file, or set cluster.security.ca: generated.</source>
        <translation>Legen Sie das Zertifikat der CA (und ihren Schlüssel, oder Zertifikat und Schlüssel jedes Hosts) unter tls: in die Kennwortdatei oder setzen Sie cluster.security.ca: generated.</translation>
    </message>
    <message>
        <source>Patroni %1 (the distribution&apos;s package)</source>
        <translation>Patroni %1 (das Paket der Distribution)</translation>
    </message>
    <message>
        <source>Patroni %1</source>
        <translation>Patroni %1</translation>
    </message>
    <message>
        <source>pgha has no pinned package set for Patroni %1, so pip would pick its dependencies at install time.</source>
        <translation>pgha hat für Patroni %1 keinen festgelegten Paketsatz, daher würde pip die Abhängigkeiten erst bei der Installation wählen.</translation>
    </message>
    <message>
        <source>Use a release with a pinned set (%1), or install: package.</source>
        <translation>Verwenden Sie ein Release mit festgelegtem Paketsatz (%1) oder install: package.</translation>
    </message>
    <message>
        <source>%1 refuses %2 %3 (below its minimum %4): --validate-config fails, and at run time it silently uses %4 instead.</source>
        <translation>%1 lehnt %2 %3 ab (unter dem Minimum %4): --validate-config schlägt fehl, und zur Laufzeit verwendet Patroni stillschweigend %4.</translation>
    </message>
    <message>
        <source>failsafe_mode needs Patroni 3.0 or later; %1 does not know it, so a lost etcd demotes the primary.</source>
        <translation>failsafe_mode braucht Patroni 3.0 oder neuer; %1 kennt es nicht, daher stuft ein verlorenes etcd den Primary herab.</translation>
    </message>
    <message>
        <source>Turn failsafe_mode off, or install Patroni 3.0+ (e.g. install: pip, version: &quot;4.1.5&quot;).</source>
        <translation>Schalten Sie failsafe_mode aus oder installieren Sie Patroni 3.0+ (z. B. install: pip, version: &quot;4.1.5&quot;).</translation>
    </message>
    <message>
        <source>synchronous_mode: quorum needs Patroni 4.0 or later; %1 refuses it.</source>
        <translation>synchronous_mode: quorum braucht Patroni 4.0 oder neuer; %1 lehnt es ab.</translation>
    </message>
    <message>
        <source>Use synchronous_mode: true, or install Patroni 4 (install: pip, version: &quot;4.1.5&quot;).</source>
        <translation>Verwenden Sie synchronous_mode: true oder installieren Sie Patroni 4 (install: pip, version: &quot;4.1.5&quot;).</translation>
    </message>
    <message>
        <source>The %1 certificate expired on %2.</source>
        <translation>Das Zertifikat (%1) ist am %2 abgelaufen.</translation>
    </message>
    <message>
        <source>The %1 certificate expires in %2 days (%3), within cluster.security.cert_warn_days (%4).</source>
        <translation>Das Zertifikat (%1) läuft in %2 Tagen ab (%3), innerhalb von cluster.security.cert_warn_days (%4).</translation>
    </message>
    <message>
        <source>Run `pgha certs renew DESIGN` (new leaf certificates from the cluster CA, rolled out host by host); a CA is replaced by hand.</source>
        <translation>Führen Sie `pgha certs renew ENTWURF` aus (neue Leaf-Zertifikate von der Cluster-CA, Host für Host ausgerollt); eine CA wird von Hand ersetzt.</translation>
    </message>
    <message>
        <source>cluster CA</source>
        <translation>Cluster-CA</translation>
    </message>
    <message>
        <source>admin client</source>
        <translation>Admin-Client</translation>
    </message>
    <message>
        <source>host %1&apos;s</source>
        <translation>Host %1</translation>
    </message>
    <message>
        <source>The database field is not a comma-separated list of database names and keywords (all, sameuser, samerole, replication).</source>
        <translation>Das Datenbankfeld ist keine kommagetrennte Liste von Datenbanknamen und Schlüsselwörtern (all, sameuser, samerole, replication).</translation>
    </message>
    <message>
        <source>The user field is not a comma-separated list of role names (optionally with &apos;+&apos;) and all.</source>
        <translation>Das Benutzerfeld ist keine kommagetrennte Liste von Rollennamen (wahlweise mit &apos;+&apos;) und all.</translation>
    </message>
    <message>
        <source>SSH user &quot;%1&quot; of host %2 is not a POSIX user name.</source>
        <translation>SSH-Benutzer &quot;%1&quot; von Host %2 ist kein POSIX-Benutzername.</translation>
    </message>
    <message>
        <source>(control characters)</source>
        <translation>(Steuerzeichen)</translation>
    </message>
    <message>
        <source>Set the login name used for deployment, e.g. root or a sudo user: 1-32 characters from a-z, 0-9, &apos;_&apos; and &apos;-&apos;, not starting with a digit or &apos;-&apos;.</source>
        <translation>Setzen Sie den Anmeldenamen für das Ausrollen, z. B. root oder einen sudo-Benutzer: 1-32 Zeichen aus a-z, 0-9, &apos;_&apos; und &apos;-&apos;, nicht mit einer Ziffer oder &apos;-&apos; beginnend.</translation>
    </message>
    <message>
        <source>The SSH identity file of host %1 holds a control character.</source>
        <translation>Die SSH-Schlüsseldatei von Host %1 enthält ein Steuerzeichen.</translation>
    </message>
    <message>
        <source>Give the path of the private key file without control characters.</source>
        <translation>Geben Sie den Pfad der privaten Schlüsseldatei ohne Steuerzeichen an.</translation>
    </message>
    <message>
        <source>The %1 role name &quot;%2&quot; is not a lower-case PostgreSQL identifier.</source>
        <translation>Der %1-Rollenname &quot;%2&quot; ist kein PostgreSQL-Bezeichner in Kleinbuchstaben.</translation>
    </message>
    <message>
        <source>Use 1-63 characters from a-z, 0-9 and &apos;_&apos;, not starting with a digit (e.g. &quot;postgres&quot;, &quot;replicator&quot;, &quot;rewind_user&quot;).</source>
        <translation>Verwenden Sie 1-63 Zeichen aus a-z, 0-9 und &apos;_&apos;, nicht mit einer Ziffer beginnend (z. B. &quot;postgres&quot;, &quot;replicator&quot;, &quot;rewind_user&quot;).</translation>
    </message>
    <message>
        <source>The etcd cluster token &quot;%1&quot; holds characters outside letters, digits, &apos;_&apos;, &apos;.&apos; and &apos;-&apos;.</source>
        <translation>Das etcd-Cluster-Token &quot;%1&quot; enthält Zeichen außer Buchstaben, Ziffern, &apos;_&apos;, &apos;.&apos; und &apos;-&apos;.</translation>
    </message>
    <message>
        <source>Use 1-128 characters from letters, digits, &apos;_&apos;, &apos;.&apos; and &apos;-&apos;, starting with a letter or digit, or leave it empty (the cluster name + &quot;-etcd&quot;).</source>
        <translation>Verwenden Sie 1-128 Zeichen aus Buchstaben, Ziffern, &apos;_&apos;, &apos;.&apos; und &apos;-&apos;, beginnend mit einem Buchstaben oder einer Ziffer, oder lassen Sie es leer (Clustername + &quot;-etcd&quot;).</translation>
    </message>
    <message>
        <source>&quot;password&quot; is not a PostgreSQL parameter, and a password never belongs in the project file.</source>
        <translation>&quot;password&quot; ist kein PostgreSQL-Parameter, und ein Kennwort gehört nie in die Projektdatei.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a PostgreSQL parameter name.</source>
        <translation>&quot;%1&quot; ist kein Name eines PostgreSQL-Parameters.</translation>
    </message>
    <message>
        <source>Use the parameter&apos;s name as postgresql.conf spells it: letters, digits and &apos;_&apos;, with at most one &apos;.&apos; for an extension&apos;s parameter.</source>
        <translation>Verwenden Sie den Parameternamen so, wie postgresql.conf ihn schreibt: Buchstaben, Ziffern und &apos;_&apos;, mit höchstens einem &apos;.&apos; für den Parameter einer Erweiterung.</translation>
    </message>
    <message>
        <source>The value of %1 holds a control character (a line break, say).</source>
        <translation>Der Wert von %1 enthält ein Steuerzeichen (etwa einen Zeilenumbruch).</translation>
    </message>
    <message>
        <source>Write the value on one line without control characters.</source>
        <translation>Schreiben Sie den Wert in eine Zeile ohne Steuerzeichen.</translation>
    </message>
    <message>
        <source>Write an absolute, normalised path from letters, digits and _ . + @ / - (e.g. /srv/pgsql/16/data), or leave data_dir empty for the platform default.</source>
        <translation>Schreiben Sie einen absoluten, normalisierten Pfad aus Buchstaben, Ziffern und _ . + @ / - (z. B. /srv/pgsql/16/data), oder lassen Sie data_dir für den Standard der Plattform leer.</translation>
    </message>
    <message>
        <source>%1 holds a control character (a line break, say).</source>
        <translation>%1 enthält ein Steuerzeichen (etwa einen Zeilenumbruch).</translation>
    </message>
    <message>
        <source>Use printable characters only, or leave it empty so that pgha generates one.</source>
        <translation>Verwenden Sie nur druckbare Zeichen oder lassen Sie es leer, damit pgha eines erzeugt.</translation>
    </message>
    <message>
        <source>%1 holds &apos;:&apos; or a space, which HTTP basic auth and HAProxy&apos;s &quot;stats auth user:password&quot; cannot carry.</source>
        <translation>%1 enthält &apos;:&apos; oder ein Leerzeichen, was HTTP-Basic-Auth und &quot;stats auth user:password&quot; von HAProxy nicht transportieren können.</translation>
    </message>
    <message>
        <source>Use a user name of letters, digits, &apos;_&apos; and &apos;-&apos;.</source>
        <translation>Verwenden Sie einen Benutzernamen aus Buchstaben, Ziffern, &apos;_&apos; und &apos;-&apos;.</translation>
    </message>
    <message>
        <source>The cluster name &quot;%1&quot; is not usable as Patroni scope and folder name.</source>
        <translation>Der Clustername &quot;%1&quot; ist als Patroni-Scope und Ordnername nicht verwendbar.</translation>
    </message>
    <message>
        <source>Use 1-63 characters from letters, digits, &apos;_&apos; and &apos;-&apos;, not starting with &apos;-&apos;, e.g. &quot;cluster_1&quot;.</source>
        <translation>Verwenden Sie 1-63 Zeichen aus Buchstaben, Ziffern, &apos;_&apos; und &apos;-&apos;, nicht mit &apos;-&apos; beginnend, z. B. &quot;cluster_1&quot;.</translation>
    </message>
    <message>
        <source>data_dir %1 is inside %2, which belongs to the operating system.</source>
        <translation>data_dir %1 liegt in %2, das dem Betriebssystem gehört.</translation>
    </message>
    <message>
        <source>PgBouncer is placed on the HAProxy hosts, but the design has none.</source>
        <translation>PgBouncer ist auf den HAProxy-Hosts platziert, aber der Entwurf hat keine.</translation>
    </message>
    <message>
        <source>Add a HAProxy host, or place PgBouncer on the database hosts.</source>
        <translation>Fügen Sie einen HAProxy-Host hinzu oder platzieren Sie PgBouncer auf den Datenbank-Hosts.</translation>
    </message>
    <message>
        <source>PgBouncer&apos;s auth_user &quot;%1&quot; is also one of the cluster&apos;s own roles; it must be a role of its own that can only read password hashes through the lookup function.</source>
        <translation>Der auth_user &quot;%1&quot; von PgBouncer ist zugleich eine der eigenen Rollen des Clusters; er muss eine eigene Rolle sein, die Kennwort-Hashes nur über die Lookup-Funktion lesen kann.</translation>
    </message>
    <message>
        <source>Use a dedicated name such as &quot;pgbouncer_auth&quot;.</source>
        <translation>Verwenden Sie einen eigenen Namen wie &quot;pgbouncer_auth&quot;.</translation>
    </message>
    <message>
        <source>PgBouncer may open %1 server connections to one PostgreSQL server (default_pool_size %2 x %3 pooler(s), per database and user), more than the %4 that max_connections leaves to ordinary users.</source>
        <translation>PgBouncer kann %1 Server-Verbindungen zu einem PostgreSQL-Server öffnen (default_pool_size %2 x %3 Pooler, je Datenbank und Benutzer), mehr als die %4, die max_connections gewöhnlichen Benutzern lässt.</translation>
    </message>
    <message>
        <source>Lower default_pool_size to %1 or raise max_connections to %2.</source>
        <translation>Senken Sie default_pool_size auf %1 oder erhöhen Sie max_connections auf %2.</translation>
    </message>
    <message>
        <source>HAProxy may send %1 clients to one PgBouncer (server_maxconn %2 x 2 listeners x %3 HAProxy host(s)), more than its max_client_conn %4: PgBouncer refuses the rest after HAProxy accepted them.</source>
        <translation>HAProxy kann %1 Clients an einen PgBouncer schicken (server_maxconn %2 x 2 Listener x %3 HAProxy-Host(s)), mehr als sein max_client_conn %4: PgBouncer weist den Rest ab, nachdem HAProxy ihn angenommen hat.</translation>
    </message>
    <message>
        <source>Raise max_client_conn to %1, or lower HAProxy&apos;s server_maxconn.</source>
        <translation>Erhöhen Sie max_client_conn auf %1 oder senken Sie server_maxconn von HAProxy.</translation>
    </message>
    <message>
        <source>HAProxy&apos;s server_maxconn %1 is below PgBouncer&apos;s default_pool_size %2: HAProxy queues clients before the pool is ever used in full.</source>
        <translation>server_maxconn %1 von HAProxy liegt unter default_pool_size %2 von PgBouncer: HAProxy reiht Clients ein, bevor der Pool je ganz genutzt wird.</translation>
    </message>
    <message>
        <source>Raise server_maxconn to at least %1; PgBouncer, not HAProxy, should limit the server connections.</source>
        <translation>Erhöhen Sie server_maxconn auf mindestens %1; PgBouncer, nicht HAProxy, sollte die Server-Verbindungen begrenzen.</translation>
    </message>
    <message>
        <source>PgBouncer&apos;s pool of %1 server connections goes through HAProxy&apos;s primary listener, whose server_maxconn %2 queues the rest.</source>
        <translation>Der Pool von PgBouncer mit %1 Server-Verbindungen läuft über den Primary-Listener von HAProxy, dessen server_maxconn %2 den Rest einreiht.</translation>
    </message>
    <message>
        <source>Raise server_maxconn to at least %1 or lower default_pool_size.</source>
        <translation>Erhöhen Sie server_maxconn auf mindestens %1 oder senken Sie default_pool_size.</translation>
    </message>
    <message>
        <source>In %1 pooling a client&apos;s next transaction may run on another server connection: protocol-level prepared statements (JDBC, Npgsql, asyncpg, psycopg 3), SET, LISTEN, advisory locks and temporary tables across transactions fail or act on the wrong session with PgBouncer 1.18.</source>
        <translation>Im Pool-Modus %1 kann die nächste Transaktion eines Clients auf einer anderen Server-Verbindung laufen: Prepared Statements auf Protokollebene (JDBC, Npgsql, asyncpg, psycopg 3), SET, LISTEN, Advisory Locks und temporäre Tabellen über Transaktionen hinweg schlagen mit PgBouncer 1.18 fehl oder wirken auf die falsche Sitzung.</translation>
    </message>
    <message>
        <source>Turn server-side prepared statements off in the drivers (JDBC prepareThreshold=0, asyncpg statement_cache_size=0, psycopg prepare_threshold=None), or use pool_mode session.</source>
        <translation>Schalten Sie serverseitige Prepared Statements in den Treibern ab (JDBC prepareThreshold=0, asyncpg statement_cache_size=0, psycopg prepare_threshold=None) oder verwenden Sie pool_mode session.</translation>
    </message>
    <message>
        <source>The floating address &quot;%1&quot; is not a unicast IPv4 literal.</source>
        <translation>Die virtuelle Adresse &quot;%1&quot; ist keine Unicast-IPv4-Adresse.</translation>
    </message>
    <message>
        <source>Write a free IPv4 address of the HAProxy hosts&apos; subnet, such as 10.0.1.100.</source>
        <translation>Tragen Sie eine freie IPv4-Adresse aus dem Subnetz der HAProxy-Hosts ein, etwa 10.0.1.100.</translation>
    </message>
    <message>
        <source>The interface &quot;%1&quot; is not a network interface name.</source>
        <translation>Die Schnittstelle &quot;%1&quot; ist kein Name einer Netzwerkschnittstelle.</translation>
    </message>
    <message>
        <source>Leave it empty (the interface holding each host&apos;s address) or write a name of up to 15 letters, digits, &apos;_&apos;, &apos;.&apos; or &apos;-&apos;, such as eth0.</source>
        <translation>Lassen Sie das Feld leer (die Schnittstelle mit der Adresse des jeweiligen Hosts) oder tragen Sie einen Namen aus bis zu 15 Buchstaben, Ziffern, &apos;_&apos;, &apos;.&apos; oder &apos;-&apos; ein, etwa eth0.</translation>
    </message>
    <message>
        <source>The VRRP priority %1 of %2 is outside 1 to 254.</source>
        <translation>Die VRRP-Priorität %1 von %2 liegt außerhalb von 1 bis 254.</translation>
    </message>
    <message>
        <source>Use 1 to 254 (the higher takes the address first), or 0 for the host order.</source>
        <translation>Verwenden Sie 1 bis 254 (die höhere übernimmt die Adresse zuerst) oder 0 für die Reihenfolge der Hosts.</translation>
    </message>
    <message>
        <source>vip_password is not 1 to 8 letters, digits, &apos;_&apos;, &apos;.&apos; or &apos;-&apos; (VRRP carries 8 bytes).</source>
        <translation>vip_password besteht nicht aus 1 bis 8 Buchstaben, Ziffern, &apos;_&apos;, &apos;.&apos; oder &apos;-&apos; (VRRP überträgt 8 Bytes).</translation>
    </message>
    <message>
        <source>Use up to 8 such characters, or leave it empty for no VRRP authentication.</source>
        <translation>Verwenden Sie bis zu 8 solche Zeichen oder lassen Sie es leer für VRRP ohne Authentifizierung.</translation>
    </message>
    <message>
        <source>virtual_router_id %1 is outside 1 to 255.</source>
        <translation>virtual_router_id %1 liegt außerhalb von 1 bis 255.</translation>
    </message>
    <message>
        <source>Pick 1 to 255, unique among the VRRP routers of the network segment (51 by default).</source>
        <translation>Wählen Sie 1 bis 255, eindeutig unter den VRRP-Routern des Netzsegments (Vorgabe 51).</translation>
    </message>
    <message>
        <source>A floating address needs at least two HAProxy hosts to move between; the design has %1.</source>
        <translation>Eine virtuelle Adresse braucht mindestens zwei HAProxy-Hosts, zwischen denen sie wechseln kann; der Entwurf hat %1.</translation>
    </message>
    <message>
        <source>Give the haproxy role to a second host in the same subnet, or remove cluster.vip.</source>
        <translation>Geben Sie einem zweiten Host im selben Subnetz die Rolle haproxy oder entfernen Sie cluster.vip.</translation>
    </message>
    <message>
        <source>The floating address %1 is not in the subnet &quot;%2&quot; of HAProxy host %3, so %3 cannot hold it.</source>
        <translation>Die virtuelle Adresse %1 liegt nicht im Subnetz &quot;%2&quot; des HAProxy-Hosts %3, daher kann %3 sie nicht übernehmen.</translation>
    </message>
    <message>
        <source>Put every HAProxy host in one subnet and pick the address from its range.</source>
        <translation>Legen Sie alle HAProxy-Hosts in ein Subnetz und wählen Sie die Adresse aus dessen Bereich.</translation>
    </message>
    <message>
        <source>The floating address %1 is the address of host %2.</source>
        <translation>Die virtuelle Adresse %1 ist die Adresse von Host %2.</translation>
    </message>
    <message>
        <source>Pick an address no host uses.</source>
        <translation>Wählen Sie eine Adresse, die kein Host verwendet.</translation>
    </message>
    <message>
        <source>The floating address %1 is the network or broadcast address of subnet &quot;%2&quot;.</source>
        <translation>Die virtuelle Adresse %1 ist die Netz- oder Broadcast-Adresse des Subnetzes &quot;%2&quot;.</translation>
    </message>
    <message>
        <source>No backups: the cluster has no pgBackRest repository, so a dropped table or a lost cluster cannot be restored, whatever failover does.</source>
        <translation>Keine Sicherungen: Der Cluster hat kein pgBackRest-Repository, daher lässt sich eine gelöschte Tabelle oder ein verlorener Cluster nicht wiederherstellen, was auch immer das Failover leistet.</translation>
    </message>
    <message>
        <source>Add a host with the role backup (a dedicated repository host), or set cluster.backup.</source>
        <translation>Fügen Sie einen Host mit der Rolle backup hinzu (einen eigenen Repository-Host) oder setzen Sie cluster.backup.</translation>
    </message>
    <message>
        <source>The backup repository is local: each database host keeps its backups on its own disks, which the loss of that machine takes with it, and only the host that was primary at backup time has them.</source>
        <translation>Das Sicherungs-Repository ist lokal: Jeder Datenbank-Host hält seine Sicherungen auf den eigenen Platten, die mit dem Verlust dieser Maschine verloren gehen, und nur der Host, der zur Sicherungszeit Primary war, hat sie.</translation>
    </message>
    <message>
        <source>Add a dedicated host with the role backup and name it in cluster.backup.repository.</source>
        <translation>Fügen Sie einen eigenen Host mit der Rolle backup hinzu und nennen Sie ihn in cluster.backup.repository.</translation>
    </message>
    <message>
        <source>Backups are on but there is not exactly one host with the role backup to hold the repository.</source>
        <translation>Sicherungen sind eingeschaltet, aber es gibt nicht genau einen Host mit der Rolle backup für das Repository.</translation>
    </message>
    <message>
        <source>cluster.backup.repository names &quot;%1&quot;, which is no host of the design.</source>
        <translation>cluster.backup.repository nennt &quot;%1&quot;, das kein Host des Entwurfs ist.</translation>
    </message>
    <message>
        <source>Give one host the role backup, or name it (or local) in cluster.backup.repository.</source>
        <translation>Geben Sie einem Host die Rolle backup oder nennen Sie ihn (oder local) in cluster.backup.repository.</translation>
    </message>
    <message>
        <source>The repository host %1 does not have the role backup.</source>
        <translation>Der Repository-Host %1 hat die Rolle backup nicht.</translation>
    </message>
    <message>
        <source>Add the role backup to %1, or name the host that has it.</source>
        <translation>Geben Sie %1 die Rolle backup oder nennen Sie den Host, der sie hat.</translation>
    </message>
    <message>
        <source>The backup repository lives on the database host %1: losing that machine loses a member and the backups together.</source>
        <translation>Das Sicherungs-Repository liegt auf dem Datenbank-Host %1: Der Verlust dieser Maschine kostet ein Mitglied und die Sicherungen zugleich.</translation>
    </message>
    <message>
        <source>Move the role backup to a dedicated host.</source>
        <translation>Verlegen Sie die Rolle backup auf einen eigenen Host.</translation>
    </message>
    <message>
        <source>The backup repository shares the host %1 with HAProxy or etcd: backups compete with them for disk and network.</source>
        <translation>Das Sicherungs-Repository teilt sich den Host %1 mit HAProxy oder etcd: Sicherungen konkurrieren mit ihnen um Platte und Netz.</translation>
    </message>
    <message>
        <source>A dedicated repository host is recommended.</source>
        <translation>Ein eigener Repository-Host wird empfohlen.</translation>
    </message>
    <message>
        <source>The repository path is unusable: %1.</source>
        <translation>Der Repository-Pfad ist unbrauchbar: %1.</translation>
    </message>
    <message>
        <source>Use an absolute path of letters, digits and _ . + @ / - such as /var/lib/pgbackrest.</source>
        <translation>Verwenden Sie einen absoluten Pfad aus Buchstaben, Ziffern und _ . + @ / - wie /var/lib/pgbackrest.</translation>
    </message>
    <message>
        <source>The %1 backup schedule is not in the accepted OnCalendar form.</source>
        <translation>Der Zeitplan der Sicherung (%1) hat nicht die akzeptierte OnCalendar-Form.</translation>
    </message>
    <message>
        <source>Write [weekdays ]*-*-* HH:MM[:SS] such as &quot;Sun *-*-* 01:00:00&quot; or &quot;Mon..Sat *-*-* 01:00&quot;, or daily / weekly.</source>
        <translation>Schreiben Sie [Wochentage ]*-*-* HH:MM[:SS] wie &quot;Sun *-*-* 01:00:00&quot; oder &quot;Mon..Sat *-*-* 01:00&quot;, oder daily / weekly.</translation>
    </message>
    <message>
        <source>The backup transport tls needs the cluster&apos;s certificates, and cluster.security.tls is off.</source>
        <translation>Der Sicherungstransport tls braucht die Zertifikate des Clusters, und cluster.security.tls ist aus.</translation>
    </message>
    <message>
        <source>Turn cluster.security.tls on (recommended), or set cluster.backup.transport: ssh.</source>
        <translation>Schalten Sie cluster.security.tls ein (empfohlen) oder setzen Sie cluster.backup.transport: ssh.</translation>
    </message>
    <message>
        <source>With the transport ssh the postgres users of the repository and database hosts need SSH keys to each other, which the deploy does not distribute.</source>
        <translation>Mit dem Transport ssh brauchen die postgres-Benutzer von Repository- und Datenbank-Hosts SSH-Schlüssel zueinander, die das Ausrollen nicht verteilt.</translation>
    </message>
    <message>
        <source>Use transport: tls (pgBackRest&apos;s TLS server with the cluster CA), or set up the keys yourself.</source>
        <translation>Verwenden Sie transport: tls (der TLS-Server von pgBackRest mit der Cluster-CA) oder richten Sie die Schlüssel selbst ein.</translation>
    </message>
    <message>
        <source>retention_full 1 keeps a single full backup: while the next full runs, or when it fails, there is no older one, and the restore window shrinks to the days since the last full.</source>
        <translation>retention_full 1 behält eine einzige Vollsicherung: Während die nächste läuft oder wenn sie scheitert, gibt es keine ältere, und das Wiederherstellungsfenster schrumpft auf die Tage seit der letzten Vollsicherung.</translation>
    </message>
    <message>
        <source>Keep at least 2 full backups.</source>
        <translation>Behalten Sie mindestens 2 Vollsicherungen.</translation>
    </message>
    <message>
        <source>Full backups every %1 day(s) with retention_full %2 keep less than a week to restore from.</source>
        <translation>Vollsicherungen alle %1 Tag(e) mit retention_full %2 halten weniger als eine Woche zur Wiederherstellung vor.</translation>
    </message>
    <message>
        <source>Raise retention_full so that retention_full times the days between full backups is 7 or more.</source>
        <translation>Erhöhen Sie retention_full, sodass retention_full mal die Tage zwischen Vollsicherungen mindestens 7 ergibt.</translation>
    </message>
    <message>
        <source>Differential backups run less often than full ones and never help.</source>
        <translation>Differenzielle Sicherungen laufen seltener als Vollsicherungen und helfen nie.</translation>
    </message>
    <message>
        <source>Schedule diff backups between the full ones (e.g. Mon..Sat) or leave diff empty.</source>
        <translation>Planen Sie diff-Sicherungen zwischen den Vollsicherungen (z. B. Mon..Sat) oder lassen Sie diff leer.</translation>
    </message>
    <message>
        <source>archive_timeout 0: a quiet primary may keep its last writes out of the archive for hours, and a restore loses them.</source>
        <translation>archive_timeout 0: Ein ruhiger Primary kann seine letzten Schreibvorgänge stundenlang aus dem Archiv heraushalten, und eine Wiederherstellung verliert sie.</translation>
    </message>
    <message>
        <source>archive_timeout %1 s: a quiet primary&apos;s last writes reach the archive only after that long, and a restore loses them.</source>
        <translation>archive_timeout %1 s: Die letzten Schreibvorgänge eines ruhigen Primary erreichen das Archiv erst nach dieser Zeit, und eine Wiederherstellung verliert sie.</translation>
    </message>
    <message>
        <source>Use 60 to 300 seconds.</source>
        <translation>Verwenden Sie 60 bis 300 Sekunden.</translation>
    </message>
    <message>
        <source>archive_timeout %1 s: each forced switch archives a whole 16 MB segment, up to %2 GB a day even when idle.</source>
        <translation>archive_timeout %1 s: Jeder erzwungene Wechsel archiviert ein ganzes 16-MB-Segment, bis zu %2 GB am Tag selbst im Leerlauf.</translation>
    </message>
    <message>
        <source>Adding %1 to %2 etcd member(s) leaves %2 of %3 running until it starts: no quorum.</source>
        <translation>%1 zu %2 etcd-Mitglied(ern) hinzuzufügen lässt %2 von %3 laufen, bis es startet: kein Quorum.</translation>
    </message>
    <message>
        <source>Removing %1 would leave %2 etcd member(s).</source>
        <translation>%1 zu entfernen ließe %2 etcd-Mitglied(er) übrig.</translation>
    </message>
    <message>
        <source>Change the membership by hand (etcdctl member add/remove, --force-new-cluster for a single member), or keep at least two members running throughout.</source>
        <translation>Die Mitgliedschaft von Hand ändern (etcdctl member add/remove, --force-new-cluster für ein einzelnes Mitglied) oder durchgehend mindestens zwei Mitglieder laufen lassen.</translation>
    </message>
    <message>
        <source>The design changes %1 etcd members at once; apply goes one member at a time: %2.</source>
        <translation>Der Entwurf ändert %1 etcd-Mitglieder auf einmal; apply geht ein Mitglied nach dem anderen: %2.</translation>
    </message>
    <message>
        <source>Nothing to do: each step waits until every member is healthy before the next.</source>
        <translation>Nichts zu tun: jeder Schritt wartet, bis jedes Mitglied gesund ist, bevor der nächste beginnt.</translation>
    </message>
    <message>
        <source>On the way (%1) etcd runs with an even member count (%2): it tolerates no more failures than one member fewer.</source>
        <translation>Unterwegs (%1) läuft etcd mit einer geraden Mitgliederzahl (%2): sie verträgt nicht mehr Ausfälle als ein Mitglied weniger.</translation>
    </message>
    <message>
        <source>Allowed as a step of the plan; end at an odd count.</source>
        <translation>Als Schritt des Plans erlaubt; mit einer ungeraden Zahl enden.</translation>
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
    <message>
        <source>PgBouncer auth_user password:</source>
        <translation>Kennwort des PgBouncer-auth_user:</translation>
    </message>
</context>
<context>
    <name>pgha::SecretsSession</name>
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
        <source>Administrators and the monitor connect from here</source>
        <translation>Administratoren und der Monitor verbinden sich von hier</translation>
    </message>
    <message>
        <source>Only this cluster&apos;s hosts use this subnet</source>
        <translation>Nur die Hosts dieses Clusters nutzen dieses Subnetz</translation>
    </message>
    <message>
        <source>pg_hba and the firewall may then admit the whole range instead of each host&apos;s address. Leave it off when other machines share the subnet.</source>
        <translation>pg_hba und die Firewall dürfen dann den ganzen Bereich statt der Adresse jedes Hosts zulassen. Ausschalten, wenn andere Rechner das Subnetz mitbenutzen.</translation>
    </message>
    <message>
        <source>Admits this range to etcd, the REST API, HAProxy&apos;s stats and the superuser login</source>
        <translation>Lässt diesen Bereich zu etcd, zur REST-API, zur HAProxy-Statistik und zur Superuser-Anmeldung zu</translation>
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
<context>
    <name>pgha::TlsTable</name>
    <message>
        <source>Host</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Zertifikat</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Läuft ab</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>Tage übrig</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
</context>
<context>
    <name>pgha::VipHolderLabel</name>
    <message>
        <source>Floating address %1: not asked yet.</source>
        <translation>Virtuelle Adresse %1: noch nicht abgefragt.</translation>
    </message>
    <message>
        <source>Floating address %1 is held by %2.</source>
        <translation>Die virtuelle Adresse %1 hält %2.</translation>
    </message>
    <message>
        <source>Floating address %1 is held by %2 at once (split brain).</source>
        <translation>Die virtuelle Adresse %1 halten %2 zugleich (Split Brain).</translation>
    </message>
    <message>
        <source>Floating address %1 is held by no HAProxy host.</source>
        <translation>Die virtuelle Adresse %1 hält kein HAProxy-Host.</translation>
    </message>
    <message>
        <source>Floating address %1: no host that answered holds it.</source>
        <translation>Virtuelle Adresse %1: Kein Host, der geantwortet hat, hält sie.</translation>
    </message>
    <message>
        <source>Not asked: %1</source>
        <translation>Nicht abgefragt: %1</translation>
    </message>
</context>
</TS>
