<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>DemoIndex</name>
    <message>
        <location filename="../ui/DemoIndex.cpp" line="42"/>
        <source>how do sailors find their position at night</source>
        <translation>how do sailors find their position at night</translation>
    </message>
    <message>
        <location filename="../ui/DemoIndex.cpp" line="70"/>
        <source>Could not make the folder %1 for the demo texts.</source>
        <translation>Der Ordner %1 für die Demo-Texte konnte nicht angelegt werden.</translation>
    </message>
    <message>
        <location filename="../ui/DemoIndex.cpp" line="82"/>
        <source>Could not write the demo text %1: %2</source>
        <translation>Der Demo-Text %1 konnte nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/DemoIndex.cpp" line="89"/>
        <source>This build of Sextant carries no demo texts.</source>
        <translation>Dieser Sextant-Build enthält keine Demo-Texte.</translation>
    </message>
    <message>
        <location filename="../ui/DemoIndex.cpp" line="134"/>
        <source>The demo text %1 could not be imported: %2</source>
        <translation>Der Demo-Text %1 konnte nicht importiert werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/DemoIndex.cpp" line="139"/>
        <source>Creating the demo index was cancelled.</source>
        <translation>Das Anlegen des Demo-Index wurde abgebrochen.</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <location filename="../ui/ErrorText.cpp" line="103"/>
        <source>Another program is writing to this index.</source>
        <translation>Ein anderes Programm schreibt gerade in diesen Index.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="104"/>
        <source>%1 is writing to this index.</source>
        <translation>%1 schreibt gerade in diesen Index.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="105"/>
        <source>Close the index there, or open it read-only to look at it meanwhile.</source>
        <translation>Schließen Sie den Index dort, oder öffnen Sie ihn schreibgeschützt, um ihn sich in der Zwischenzeit anzusehen.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="109"/>
        <source>The index is damaged: a checksum or a structure check failed.</source>
        <translation>Der Index ist beschädigt: Eine Prüfsumme oder eine Strukturprüfung ist fehlgeschlagen.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="110"/>
        <source>Open it in the Integrity view: Full Verify shows what is damaged, and Plan Repair… mends it after making a backup.</source>
        <translation>Öffnen Sie ihn in der Ansicht „Integrität“: „Vollständig prüfen“ zeigt, was beschädigt ist, und „Reparatur planen …“ behebt es, nachdem eine Sicherung angelegt wurde.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="114"/>
        <source>The vector has the wrong number of dimensions for this index.</source>
        <translation>Die Anzahl der Dimensionen des Vektors passt nicht zu diesem Index.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="115"/>
        <source>Give exactly as many numbers as the index has dimensions (its Summary shows them).</source>
        <translation>Geben Sie genau so viele Zahlen an, wie der Index Dimensionen hat (seine Übersicht zeigt sie).</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="118"/>
        <source>The embedding server could not be reached, or kept failing.</source>
        <translation>Der Embedding-Server war nicht erreichbar oder ist wiederholt fehlgeschlagen.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="119"/>
        <source>Check that the server is running and that SEXTANT_EMBED_URL names it, then try again.</source>
        <translation>Prüfen Sie, ob der Server läuft und SEXTANT_EMBED_URL auf ihn verweist, und versuchen Sie es dann erneut.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="122"/>
        <source>The embedding server refused access.</source>
        <translation>Der Embedding-Server hat den Zugriff verweigert.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="123"/>
        <source>Set SEXTANT_EMBED_API_KEY to a key the server accepts (and check the account&apos;s credit), then start Sextant again.</source>
        <translation>Setzen Sie SEXTANT_EMBED_API_KEY auf einen Schlüssel, den der Server akzeptiert (und prüfen Sie das Guthaben des Kontos), und starten Sie Sextant dann neu.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="127"/>
        <source>The embedding server does not offer that model.</source>
        <translation>Der Embedding-Server bietet dieses Modell nicht an.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="128"/>
        <source>Check SEXTANT_EMBED_MODEL and that the model is loaded on the server; the base URL usually ends with /v1.</source>
        <translation>Prüfen Sie SEXTANT_EMBED_MODEL und ob das Modell auf dem Server geladen ist; die Basis-URL endet meist auf /v1.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="132"/>
        <source>The embedder&apos;s vectors do not fit this index: their number of dimensions differs.</source>
        <translation>Die Vektoren des Einbettungsmodells passen nicht zu diesem Index: Ihre Anzahl an Dimensionen weicht ab.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="133"/>
        <source>Use the embedder and model the index was made with, or create a new index for this one.</source>
        <translation>Verwenden Sie dasselbe Einbettungsmodell wie beim Anlegen des Index, oder legen Sie für dieses Modell einen neuen Index an.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="136"/>
        <source>The disk is full.</source>
        <translation>Der Datenträger ist voll.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="137"/>
        <source>Free some space on the disk that holds the index, or choose a folder on another disk, then try again. Writes that were acknowledged are safe.</source>
        <translation>Schaffen Sie Platz auf dem Datenträger des Index, oder wählen Sie einen Ordner auf einem anderen Datenträger, und versuchen Sie es dann erneut. Bereits bestätigte Schreibvorgänge sind sicher.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="141"/>
        <source>Sextant is not allowed to use this file or folder.</source>
        <translation>Sextant darf diese Datei oder diesen Ordner nicht verwenden.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="142"/>
        <source>Check its permissions, or choose a folder of your own.</source>
        <translation>Prüfen Sie die Zugriffsrechte, oder wählen Sie einen eigenen Ordner.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="145"/>
        <source>The disk is mounted read-only.</source>
        <translation>Der Datenträger ist schreibgeschützt eingehängt.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="146"/>
        <source>Open the index read-only, or copy it to a disk you can write to.</source>
        <translation>Öffnen Sie den Index schreibgeschützt, oder kopieren Sie ihn auf einen beschreibbaren Datenträger.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="149"/>
        <source>This index is open read-only, so it cannot be changed here.</source>
        <translation>Dieser Index ist schreibgeschützt geöffnet, daher kann er hier nicht geändert werden.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="150"/>
        <source>Close it in the program that writes it, then choose Open for Writing.</source>
        <translation>Schließen Sie ihn in dem Programm, das in ihn schreibt, und wählen Sie dann „Zum Schreiben öffnen“.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="155"/>
        <source>There is no Sextant index in this folder.</source>
        <translation>In diesem Ordner befindet sich kein Sextant-Index.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="156"/>
        <source>It has no MANIFEST file, which every index keeps. Choose another folder, or create a new index.</source>
        <translation>Er enthält keine Datei MANIFEST, die jeder Index hat. Wählen Sie einen anderen Ordner, oder legen Sie einen neuen Index an.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="161"/>
        <source>The folder does not exist.</source>
        <translation>Den Ordner gibt es nicht.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="162"/>
        <source>It may have been moved, renamed or deleted. Choose another folder, or create a new index.</source>
        <translation>Er wurde vielleicht verschoben, umbenannt oder gelöscht. Wählen Sie einen anderen Ordner, oder legen Sie einen neuen Index an.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="167"/>
        <source>Sextant could not find what it was asked for.</source>
        <translation>Sextant konnte das Angeforderte nicht finden.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="168"/>
        <source>It may have been moved, renamed or deleted; check the path or the id.</source>
        <translation>Möglicherweise wurde es verschoben, umbenannt oder gelöscht; prüfen Sie den Pfad oder die ID.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="171"/>
        <source>That already exists.</source>
        <translation>Das ist bereits vorhanden.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="173"/>
        <source>Choose an empty or new folder, or open the index that is there.</source>
        <translation>Wählen Sie einen leeren oder neuen Ordner, oder öffnen Sie den dort vorhandenen Index.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="174"/>
        <source>Choose another name, or change the one that exists.</source>
        <translation>Wählen Sie einen anderen Namen, oder ändern Sie das bereits Vorhandene.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="177"/>
        <source>The input could not be read.</source>
        <translation>Die Eingabe konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="178"/>
        <source>The line below says where; correct it and try again. Nothing was changed.</source>
        <translation>Die Zeile darunter nennt die Stelle; korrigieren Sie sie und versuchen Sie es erneut. Es wurde nichts geändert.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="181"/>
        <source>The filter is not valid.</source>
        <translation>Der Filter ist ungültig.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="182"/>
        <source>Correct it where the line below says; the filter language is described in docs/filters.md.</source>
        <translation>Korrigieren Sie ihn an der Stelle, die die Zeile darunter nennt; die Filtersprache ist in docs/filters.md beschrieben.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="186"/>
        <source>Sextant cannot read this format.</source>
        <translation>Sextant kann dieses Format nicht lesen.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="187"/>
        <source>It may come from a newer Sextant or another program: update Sextant, or convert it to a format Sextant reads.</source>
        <translation>Die Datei stammt möglicherweise aus einer neueren Sextant-Version oder einem anderen Programm: Aktualisieren Sie Sextant, oder wandeln Sie sie in ein Format um, das Sextant lesen kann.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="191"/>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="192"/>
        <source>What was finished before stays as it is; start again to do the rest.</source>
        <translation>Was bereits fertig war, bleibt erhalten; starten Sie erneut, um den Rest zu erledigen.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="195"/>
        <source>The index has been closed.</source>
        <translation>Der Index wurde geschlossen.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="196"/>
        <source>Open it again; if it closed after an error, verify it in the Integrity view.</source>
        <translation>Öffnen Sie ihn erneut; wurde er nach einem Fehler geschlossen, prüfen Sie ihn in der Ansicht „Integrität“.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="199"/>
        <source>The search graph is still being built.</source>
        <translation>Der Suchgraph wird noch aufgebaut.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="200"/>
        <source>Try again in a moment, or search exactly meanwhile.</source>
        <translation>Versuchen Sie es gleich noch einmal, oder suchen Sie in der Zwischenzeit exakt.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="203"/>
        <source>The input was refused; nothing was changed.</source>
        <translation>Die Eingabe wurde abgelehnt; es wurde nichts geändert.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="204"/>
        <source>The line below says what to correct.</source>
        <translation>Die Zeile darunter nennt, was zu korrigieren ist.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="207"/>
        <source>The operating system refused to read or write a file.</source>
        <translation>Das Betriebssystem hat das Lesen oder Schreiben einer Datei verweigert.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="208"/>
        <source>Check that the disk is connected and working, then try again; Full Verify checks the index&apos;s files.</source>
        <translation>Prüfen Sie, ob der Datenträger angeschlossen ist und funktioniert, und versuchen Sie es dann erneut; „Vollständig prüfen“ prüft die Dateien des Index.</translation>
    </message>
    <message>
        <location filename="../ui/ErrorText.cpp" line="211"/>
        <source>Something went wrong.</source>
        <translation>Etwas ist schiefgelaufen.</translation>
    </message>
</context>
<context>
    <name>ExportTask</name>
    <message>
        <location filename="../ui/ExportTask.cpp" line="25"/>
        <source>Sextant could not write %1: %2</source>
        <translation>Sextant konnte %1 nicht schreiben: %2</translation>
    </message>
    <message>
        <location filename="../ui/ExportTask.cpp" line="53"/>
        <source>The ids, one per line in the order of the rows, are in %1.</source>
        <translation>Die IDs stehen in %1, eine pro Zeile in der Reihenfolge der Zeilen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ExportTask.cpp" line="90"/>
        <source>%n file(s) of the index folder, %1 before compression.</source>
        <translation>
            <numerusform>%n Datei des Indexordners, %1 vor der Kompression.</numerusform>
            <numerusform>%n Dateien des Indexordners, %1 vor der Kompression.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/ExportTask.cpp" line="107"/>
        <source>JSON Lines (.jsonl)</source>
        <translation>JSON Lines (.jsonl)</translation>
    </message>
    <message>
        <location filename="../ui/ExportTask.cpp" line="108"/>
        <source>NumPy array (.npy) and its ids</source>
        <translation>NumPy-Array (.npy) mit seinen IDs</translation>
    </message>
    <message>
        <location filename="../ui/ExportTask.cpp" line="109"/>
        <source>Vectra index folder</source>
        <translation>Vectra-Indexordner</translation>
    </message>
    <message>
        <location filename="../ui/ExportTask.cpp" line="110"/>
        <source>Backup archive (.tar.zst)</source>
        <translation>Sicherungsarchiv (.tar.zst)</translation>
    </message>
    <message>
        <location filename="../ui/ExportTask.cpp" line="136"/>
        <source>The export failed: %1</source>
        <translation>Der Export ist fehlgeschlagen: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ExportTask.cpp" line="139"/>
        <source>Exported %n item(s) (%1) to %2.</source>
        <translation>
            <numerusform>%n Eintrag (%1) nach %2 exportiert.</numerusform>
            <numerusform>%n Einträge (%1) nach %2 exportiert.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/ExportTask.cpp" line="141"/>
        <source>Wrote %1 to %2.</source>
        <translation>%1 nach %2 geschrieben.</translation>
    </message>
</context>
<context>
    <name>FilterHints</name>
    <message>
        <location filename="../ui/FilterHints.cpp" line="14"/>
        <source>numbers</source>
        <translation>Zahlen</translation>
    </message>
    <message>
        <location filename="../ui/FilterHints.cpp" line="15"/>
        <source>strings</source>
        <translation>Zeichenketten</translation>
    </message>
    <message>
        <location filename="../ui/FilterHints.cpp" line="16"/>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <location filename="../ui/FilterHints.cpp" line="24"/>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <location filename="../ui/FilterHints.cpp" line="25"/>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <location filename="../ui/FilterHints.cpp" line="26"/>
        <source>a boolean</source>
        <translation>ein Wahrheitswert</translation>
    </message>
    <message>
        <location filename="../ui/FilterHints.cpp" line="45"/>
        <source>%1 holds %2; %3 is %4, so it matches nothing.</source>
        <translation>%1 enthält %2; %3 ist %4, daher trifft der Filter auf nichts zu.</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <location filename="../ui/Format.cpp" line="40"/>
        <location filename="../ui/Format.cpp" line="41"/>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <location filename="../ui/Format.cpp" line="15"/>
        <source>exact scan of every item</source>
        <translation>exakter Durchlauf aller Einträge</translation>
    </message>
    <message>
        <location filename="../ui/Format.cpp" line="42"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <location filename="../ui/Format.cpp" line="16"/>
        <source>exact scan of the matching items</source>
        <translation>exakter Durchlauf der passenden Einträge</translation>
    </message>
    <message>
        <location filename="../ui/Format.cpp" line="17"/>
        <source>HNSW graph search</source>
        <translation>Suche im HNSW-Graphen</translation>
    </message>
    <message>
        <location filename="../ui/Format.cpp" line="19"/>
        <source>HNSW graph search, keeping the matching items</source>
        <translation>Suche im HNSW-Graphen, passende Einträge behalten</translation>
    </message>
    <message>
        <location filename="../ui/Format.cpp" line="21"/>
        <source>scan of the matching items&apos; 8-bit codes, the best reranked exactly</source>
        <translation>Durchlauf der 8-Bit-Codes der passenden Einträge, die besten exakt nachbewertet</translation>
    </message>
    <message>
        <location filename="../ui/Format.cpp" line="31"/>
        <source>meaning and keywords, fused by rank</source>
        <translation>Bedeutung und Stichwörter, nach Rang vereint</translation>
    </message>
    <message>
        <location filename="../ui/Format.cpp" line="32"/>
        <source>by meaning (vector search)</source>
        <translation>nach Bedeutung (Vektorsuche)</translation>
    </message>
    <message>
        <location filename="../ui/Format.cpp" line="33"/>
        <source>by keywords (BM25)</source>
        <translation>nach Stichwörtern (BM25)</translation>
    </message>
</context>
<context>
    <name>ImportTask</name>
    <message>
        <location filename="../ui/ImportTask.cpp" line="59"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="60"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="103"/>
        <source>documents</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="104"/>
        <source>Vectra index</source>
        <translation>Vectra-Index</translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="105"/>
        <source>LangChain HNSWLib folder</source>
        <translation>LangChain-HNSWLib-Ordner</translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="106"/>
        <source>JSON Lines</source>
        <translation>JSON Lines</translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="107"/>
        <source>CSV</source>
        <translation>CSV</translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="108"/>
        <source>NumPy array</source>
        <translation>NumPy-Array</translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="109"/>
        <source>fvecs</source>
        <translation>fvecs</translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="110"/>
        <source>bvecs</source>
        <translation>bvecs</translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="118"/>
        <source>not found</source>
        <translation>nicht gefunden</translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="119"/>
        <source>a Sextant index: it opens instead</source>
        <translation>ein Sextant-Index: wird stattdessen geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="120"/>
        <source>not a document or a vector file: not imported</source>
        <translation>weder Dokument noch Vektordatei: wird nicht importiert</translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="122"/>
        <source>vectors: %1 folder</source>
        <translation>Vektoren: %1-Ordner</translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="123"/>
        <source>vectors: %1, %2</source>
        <translation>Vektoren: %1, %2</translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="125"/>
        <source>documents: a folder (every document in it)</source>
        <translation>Dokumente: ein Ordner (alle Dokumente darin)</translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="126"/>
        <source>documents: %1</source>
        <translation>Dokumente: %1</translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="134"/>
        <source>There is no file or folder at this path.</source>
        <translation>Unter diesem Pfad gibt es weder Datei noch Ordner.</translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="136"/>
        <source>This folder is a Sextant index: open it, or export it to a format to import.</source>
        <translation>Dieser Ordner ist ein Sextant-Index: Öffnen Sie ihn oder exportieren Sie ihn in ein importierbares Format.</translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="138"/>
        <source>Not a document Sextant reads (text, Markdown, HTML, PDF, source code, or a zip or tar archive of them) nor a vector file.</source>
        <translation>Weder ein Dokument, das Sextant lesen kann (Text, Markdown, HTML, PDF, Quellcode oder ein Zip- bzw. Tar-Archiv davon), noch eine Vektordatei.</translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="148"/>
        <source>This index holds vectors made elsewhere, so Sextant cannot embed documents into it. Create a new index for documents.</source>
        <translation>Dieser Index enthält anderswo berechnete Vektoren, daher kann Sextant keine Dokumente in ihn einbetten. Legen Sie für Dokumente einen neuen Index an.</translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="169"/>
        <source>Sextant could not read %1: %2</source>
        <translation>Sextant konnte %1 nicht lesen: %2</translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="173"/>
        <source>There is nothing to import: none of the paths exists.</source>
        <translation>Es gibt nichts zu importieren: Keiner der Pfade existiert.</translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="184"/>
        <source>added</source>
        <translation>hinzugefügt</translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="185"/>
        <source>replaced</source>
        <translation>ersetzt</translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="186"/>
        <source>unchanged</source>
        <translation>unverändert</translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="187"/>
        <source>added in part</source>
        <translation>teilweise hinzugefügt</translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="188"/>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportTask.cpp" line="196"/>
        <source>%n added</source>
        <translation>
            <numerusform>%n hinzugefügt</numerusform>
            <numerusform>%n hinzugefügt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportTask.cpp" line="197"/>
        <source>%n replaced</source>
        <translation>
            <numerusform>%n ersetzt</numerusform>
            <numerusform>%n ersetzt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportTask.cpp" line="198"/>
        <source>%n unchanged</source>
        <translation>
            <numerusform>%n unverändert</numerusform>
            <numerusform>%n unverändert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportTask.cpp" line="199"/>
        <source>%n added in part</source>
        <translation>
            <numerusform>%n teilweise hinzugefügt</numerusform>
            <numerusform>%n teilweise hinzugefügt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportTask.cpp" line="200"/>
        <source>%n failed</source>
        <translation>
            <numerusform>%n fehlgeschlagen</numerusform>
            <numerusform>%n fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="202"/>
        <source>Nothing was imported.</source>
        <translation>Es wurde nichts importiert.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportTask.cpp" line="203"/>
        <source>%n file(s): %1.</source>
        <translation>
            <numerusform>%n Datei: %1.</numerusform>
            <numerusform>%n Dateien: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportTask.cpp" line="205"/>
        <source>%n item(s) written in %1.</source>
        <translation>
            <numerusform>%n Eintrag in %1 geschrieben.</numerusform>
            <numerusform>%n Einträge in %1 geschrieben.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportTask.cpp" line="208"/>
        <source>%n file(s) in folders or archives were no documents and were skipped.</source>
        <translation>
            <numerusform>%n Datei in Ordnern oder Archiven war kein Dokument und wurde übersprungen.</numerusform>
            <numerusform>%n Dateien in Ordnern oder Archiven waren keine Dokumente und wurden übersprungen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="210"/>
        <source>Cancelled: what was written before stays in the index.</source>
        <translation>Abgebrochen: Was bis dahin geschrieben wurde, bleibt im Index.</translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="211"/>
        <source>The import stopped: %1</source>
        <translation>Der Import wurde abgebrochen: %1</translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="299"/>
        <location filename="../ui/ImportTask.cpp" line="311"/>
        <source>Reading vectors</source>
        <translation>Vektoren werden gelesen</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportTask.cpp" line="327"/>
        <source>Stopped after %n item(s): %1</source>
        <translation>
            <numerusform>Nach %n Eintrag abgebrochen: %1</numerusform>
            <numerusform>Nach %n Einträgen abgebrochen: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportTask.cpp" line="333"/>
        <source>%n item(s) left out</source>
        <translation>
            <numerusform>%n Eintrag ausgelassen</numerusform>
            <numerusform>%n Einträge ausgelassen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="334"/>
        <source>, the first: %1</source>
        <translation>, der erste: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportTask.cpp" line="338"/>
        <source>Cancelled after %n item(s).</source>
        <translation>
            <numerusform>Nach %n Eintrag abgebrochen.</numerusform>
            <numerusform>Nach %n Einträgen abgebrochen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="341"/>
        <source>The source holds no items.</source>
        <translation>Die Quelle enthält keine Einträge.</translation>
    </message>
    <message>
        <location filename="../ui/ImportTask.cpp" line="370"/>
        <source>Embedding documents</source>
        <translation>Dokumente werden eingebettet</translation>
    </message>
</context>
<context>
    <name>IntegrityHealth</name>
    <message>
        <location filename="../ui/IntegrityHealth.cpp" line="57"/>
        <source>not checked</source>
        <translation>nicht geprüft</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityHealth.cpp" line="58"/>
        <source>good</source>
        <translation>in Ordnung</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityHealth.cpp" line="59"/>
        <source>note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityHealth.cpp" line="60"/>
        <source>warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityHealth.cpp" line="61"/>
        <source>error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityHealth.cpp" line="62"/>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityHealth.cpp" line="70"/>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityHealth.cpp" line="71"/>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityHealth.cpp" line="72"/>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityHealth.cpp" line="109"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityHealth.cpp" line="110"/>
        <source>Cut the log&apos;s tail</source>
        <translation>Ende des Protokolls abschneiden</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityHealth.cpp" line="111"/>
        <source>Salvage the log</source>
        <translation>Protokoll retten</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityHealth.cpp" line="112"/>
        <source>Rebuild the graph</source>
        <translation>Graph neu aufbauen</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityHealth.cpp" line="113"/>
        <source>Rebuild the id map</source>
        <translation>ID-Zuordnung neu aufbauen</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityHealth.cpp" line="115"/>
        <source>Use the previous manifest</source>
        <translation>Vorheriges Manifest verwenden</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityHealth.cpp" line="116"/>
        <source>Rewrite the segment</source>
        <translation>Segment neu schreiben</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityHealth.cpp" line="117"/>
        <source>Move to quarantine</source>
        <translation>In Quarantäne verschieben</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityHealth.cpp" line="119"/>
        <source>Take over the stale lock</source>
        <translation>Verwaiste Sperre übernehmen</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../ui/Projection.cpp" line="236"/>
        <source>Sampling items</source>
        <translation>Stichprobe der Einträge wird gezogen</translation>
    </message>
    <message>
        <location filename="../ui/Projection.cpp" line="241"/>
        <source>Reading vectors</source>
        <translation>Vektoren werden gelesen</translation>
    </message>
    <message>
        <location filename="../ui/Projection.cpp" line="296"/>
        <source>Computing principal components</source>
        <translation>Hauptkomponenten werden berechnet</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <location filename="../ui/QtStrings.cpp" line="14"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../ui/QtStrings.cpp" line="14"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../ui/QtStrings.cpp" line="15"/>
        <source>Save All</source>
        <translation>Alle speichern</translation>
    </message>
    <message>
        <location filename="../ui/QtStrings.cpp" line="15"/>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <location filename="../ui/QtStrings.cpp" line="16"/>
        <source>&amp;Yes</source>
        <translation>&amp;Ja</translation>
    </message>
    <message>
        <location filename="../ui/QtStrings.cpp" line="16"/>
        <source>Yes to &amp;All</source>
        <translation>Ja, &amp;alle</translation>
    </message>
    <message>
        <location filename="../ui/QtStrings.cpp" line="17"/>
        <source>&amp;No</source>
        <translation>&amp;Nein</translation>
    </message>
    <message>
        <location filename="../ui/QtStrings.cpp" line="17"/>
        <source>N&amp;o to All</source>
        <translation>N&amp;ein, keine</translation>
    </message>
    <message>
        <location filename="../ui/QtStrings.cpp" line="18"/>
        <source>Abort</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/QtStrings.cpp" line="18"/>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <location filename="../ui/QtStrings.cpp" line="19"/>
        <source>Ignore</source>
        <translation>Ignorieren</translation>
    </message>
    <message>
        <location filename="../ui/QtStrings.cpp" line="19"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../ui/QtStrings.cpp" line="20"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/QtStrings.cpp" line="20"/>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <location filename="../ui/QtStrings.cpp" line="21"/>
        <source>Help</source>
        <translation>Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/QtStrings.cpp" line="21"/>
        <source>Apply</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <location filename="../ui/QtStrings.cpp" line="22"/>
        <source>Reset</source>
        <translation>Zurücksetzen</translation>
    </message>
    <message>
        <location filename="../ui/QtStrings.cpp" line="22"/>
        <source>Restore Defaults</source>
        <translation>Voreinstellungen</translation>
    </message>
</context>
<context>
    <name>SummaryView</name>
    <message>
        <location filename="../ui/SummaryView.cpp" line="82"/>
        <source>never</source>
        <translation>nie</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="46"/>
        <source>The demo index is in %1 already.</source>
        <translation>Der Demo-Index liegt bereits in %1.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="52"/>
        <source>Could not create the demo index in %1.</source>
        <translation>Der Demo-Index konnte nicht in %1 angelegt werden.</translation>
    </message>
    <message numerus="yes">
        <location filename="../app/gui/main.cpp" line="63"/>
        <source>Made the demo index in %1: %n document(s), %2 chunks, in %3 s.</source>
        <translation>
            <numerusform>Demo-Index in %1 angelegt: %n Dokument, %2 Abschnitte, in %3 s.</numerusform>
            <numerusform>Demo-Index in %1 angelegt: %n Dokumente, %2 Abschnitte, in %3 s.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="119"/>
        <source>Workbench for local vector indexes.</source>
        <translation>Werkbank für lokale Vektorindizes.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="122"/>
        <source>Index folders to open.</source>
        <translation>Zu öffnende Indexordner.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="125"/>
        <source>Do not reopen the indexes open at the last exit.</source>
        <translation>Die beim letzten Beenden geöffneten Indizes nicht wieder öffnen.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="129"/>
        <source>Make the demo index in PATH (unless it exists) and exit.</source>
        <translation>Den Demo-Index in PATH anlegen (sofern er noch nicht existiert) und beenden.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="135"/>
        <source>Open the demo index in PATH, making it first when missing.</source>
        <translation>Den Demo-Index in PATH öffnen und ihn vorher anlegen, falls er fehlt.</translation>
    </message>
</context>
<context>
    <name>sextant::ui::BrowseView</name>
    <message>
        <location filename="../ui/BrowseView.cpp" line="103"/>
        <source>A metadata filter in the filter language. Applied on Enter or after a short pause.</source>
        <translation>Ein Metadatenfilter in der Filtersprache. Wird mit der Eingabetaste oder nach einer kurzen Pause angewendet.</translation>
    </message>
    <message>
        <location filename="../ui/BrowseView.cpp" line="118"/>
        <source>Filter, e.g. {&quot;colour&quot;: &quot;red&quot;, &quot;n&quot;: {&quot;$gt&quot;: 5}}, or an id to go to (Enter to apply)</source>
        <translation>Filter, z. B. {&quot;colour&quot;: &quot;red&quot;, &quot;n&quot;: {&quot;$gt&quot;: 5}}, oder eine ID, zu der gesprungen wird (Eingabe wendet an)</translation>
    </message>
    <message>
        <location filename="../ui/BrowseView.cpp" line="229"/>
        <source>Could not list the items: %1</source>
        <translation>Die Einträge konnten nicht aufgelistet werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/BrowseView.cpp" line="429"/>
        <source>&lt;b&gt;Line %1, column %2:&lt;/b&gt; %3</source>
        <translation>&lt;b&gt;Zeile %1, Spalte %2:&lt;/b&gt; %3</translation>
    </message>
    <message>
        <location filename="../ui/BrowseView.cpp" line="471"/>
        <source>counting… %1 so far</source>
        <translation>wird gezählt … bisher %1</translation>
    </message>
    <message>
        <location filename="../ui/BrowseView.cpp" line="471"/>
        <source>counting…</source>
        <translation>wird gezählt …</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/BrowseView.cpp" line="475"/>
        <source>%1 of %Ln item(s)</source>
        <translation>
            <numerusform>%1 von %Ln Eintrag</numerusform>
            <numerusform>%1 von %Ln Einträgen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/BrowseView.cpp" line="476"/>
        <source>%Ln item(s) match</source>
        <translation>
            <numerusform>%Ln Eintrag passt</numerusform>
            <numerusform>%Ln Einträge passen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/BrowseView.cpp" line="478"/>
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln Eintrag</numerusform>
            <numerusform>%Ln Einträge</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/BrowseView.cpp" line="482"/>
        <source>%1 · sorted in %2</source>
        <translation>%1 · sortiert in %2</translation>
    </message>
    <message>
        <location filename="../ui/BrowseView.cpp" line="486"/>
        <source>No items match this filter.</source>
        <translation>Kein Eintrag passt zu diesem Filter.</translation>
    </message>
    <message>
        <location filename="../ui/BrowseView.cpp" line="487"/>
        <source>This index has no items yet. Drop vectors or documents here, or insert with sextant-cli.</source>
        <translation>Dieser Index hat noch keine Einträge. Ziehen Sie Vektoren oder Dokumente hierher oder fügen Sie sie mit sextant-cli ein.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/BrowseView.cpp" line="583"/>
        <source>Copy Id(s)</source>
        <translation>
            <numerusform>ID kopieren</numerusform>
            <numerusform>IDs kopieren</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/BrowseView.cpp" line="584"/>
        <source>Copy as JSON Lines</source>
        <translation>Als JSON Lines kopieren</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/BrowseView.cpp" line="586"/>
        <source>Copy Vector(s)</source>
        <translation>
            <numerusform>Vektor kopieren</numerusform>
            <numerusform>Vektoren kopieren</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/BrowseView.cpp" line="587"/>
        <source>Copy as Python List</source>
        <translation>Als Python-Liste kopieren</translation>
    </message>
    <message>
        <location filename="../ui/BrowseView.cpp" line="590"/>
        <source>Find Similar</source>
        <translation>Ähnliche finden</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/BrowseView.cpp" line="593"/>
        <source>Delete %n Item(s)</source>
        <translation>
            <numerusform>%n Eintrag löschen</numerusform>
            <numerusform>%n Einträge löschen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/BrowseView.cpp" line="598"/>
        <source>The index is open read-only.</source>
        <translation>Der Index ist schreibgeschützt geöffnet.</translation>
    </message>
    <message>
        <location filename="../ui/BrowseView.cpp" line="373"/>
        <source>No item has the id &quot;%1&quot;, and no id starts with it.</source>
        <translation>Kein Eintrag hat die ID „%1“, und keine ID beginnt damit.</translation>
    </message>
    <message>
        <location filename="../ui/BrowseView.cpp" line="402"/>
        <source>Enter goes to the item whose id is or starts with &quot;%1&quot;.</source>
        <translation>Eingabe springt zum Eintrag mit der ID „%1“ oder der ersten, die so beginnt.</translation>
    </message>
    <message>
        <location filename="../ui/BrowseView.cpp" line="421"/>
        <source>%1; expected %2</source>
        <translation>%1; erwartet: %2</translation>
    </message>
    <message>
        <location filename="../ui/BrowseView.cpp" line="469"/>
        <source>sorting…</source>
        <translation>sortiert …</translation>
    </message>
</context>
<context>
    <name>sextant::ui::CompareDialog</name>
    <message>
        <location filename="../ui/CompareDialog.cpp" line="58"/>
        <source>similar to %1</source>
        <translation>ähnlich zu %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/CompareDialog.cpp" line="60"/>
        <source>a vector of %n dimension(s)</source>
        <translation>
            <numerusform>ein Vektor mit %n Dimension</numerusform>
            <numerusform>ein Vektor mit %n Dimensionen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/CompareDialog.cpp" line="69"/>
        <source>Compare %1 with Another Index</source>
        <translation>%1 mit einem anderen Index vergleichen</translation>
    </message>
    <message>
        <location filename="../ui/CompareDialog.cpp" line="80"/>
        <source>The query in the form: %1</source>
        <translation>Die Abfrage im Formular: %1</translation>
    </message>
    <message>
        <location filename="../ui/CompareDialog.cpp" line="81"/>
        <source>The query in the form (there is none yet)</source>
        <translation>Die Abfrage im Formular (noch keine)</translation>
    </message>
    <message>
        <location filename="../ui/CompareDialog.cpp" line="84"/>
        <source>Items sampled from this index, each as &quot;similar to&quot;:</source>
        <translation>Stichprobe aus diesem Index, jeweils als „ähnlich zu“:</translation>
    </message>
    <message>
        <location filename="../ui/CompareDialog.cpp" line="85"/>
        <source>A file of queries (one a line: text, a JSON vector or {&quot;id&quot;: …}):</source>
        <translation>Eine Datei mit Abfragen (eine pro Zeile: Text, ein JSON-Vektor oder {&quot;id&quot;: …}):</translation>
    </message>
    <message>
        <location filename="../ui/CompareDialog.cpp" line="91"/>
        <source>Browse…</source>
        <translation>Durchsuchen …</translation>
    </message>
    <message>
        <location filename="../ui/CompareDialog.cpp" line="93"/>
        <source>Query File</source>
        <translation>Abfragedatei</translation>
    </message>
    <message>
        <location filename="../ui/CompareDialog.cpp" line="100"/>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <location filename="../ui/CompareDialog.cpp" line="105"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/CompareDialog.cpp" line="118"/>
        <location filename="../ui/CompareDialog.cpp" line="257"/>
        <source>&lt;b&gt;%1&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/CompareDialog.cpp" line="126"/>
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <location filename="../ui/CompareDialog.cpp" line="126"/>
        <source>Item</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <location filename="../ui/CompareDialog.cpp" line="126"/>
        <source>Score</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../ui/CompareDialog.cpp" line="126"/>
        <source>Rank in the other</source>
        <translation>Rang im anderen</translation>
    </message>
    <message>
        <location filename="../ui/CompareDialog.cpp" line="152"/>
        <source>Compare with:</source>
        <translation>Vergleichen mit:</translation>
    </message>
    <message>
        <location filename="../ui/CompareDialog.cpp" line="165"/>
        <source>Queries:</source>
        <translation>Abfragen:</translation>
    </message>
    <message>
        <location filename="../ui/CompareDialog.cpp" line="170"/>
        <source>Results per query (k):</source>
        <translation>Treffer pro Abfrage (k):</translation>
    </message>
    <message>
        <location filename="../ui/CompareDialog.cpp" line="198"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../ui/CompareDialog.cpp" line="210"/>
        <source>Open another index (File ▸ Open Index…) to compare this one with it.</source>
        <translation>Öffnen Sie einen weiteren Index (Datei ▸ Index öffnen …), um diesen damit zu vergleichen.</translation>
    </message>
    <message>
        <location filename="../ui/CompareDialog.cpp" line="270"/>
        <source>Query %1 of %2</source>
        <translation>Abfrage %1 von %2</translation>
    </message>
    <message>
        <location filename="../ui/CompareDialog.cpp" line="298"/>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location filename="../ui/CompareDialog.cpp" line="312"/>
        <source>Comparing two indexes</source>
        <translation>Zwei Indizes werden verglichen</translation>
    </message>
    <message>
        <location filename="../ui/CompareDialog.cpp" line="319"/>
        <source>Preparing the queries</source>
        <translation>Abfragen werden vorbereitet</translation>
    </message>
    <message>
        <location filename="../ui/CompareDialog.cpp" line="336"/>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <location filename="../ui/CompareDialog.cpp" line="342"/>
        <source>The indexes could not be compared: %1</source>
        <translation>Die Indizes konnten nicht verglichen werden: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/CompareDialog.cpp" line="347"/>
        <source>Mean overlap@%1: %2 over %Ln query(s); mean rank correlation of the shared hits: %3.</source>
        <translation>
            <numerusform>Mittlere Überlappung@%1: %2 über %Ln Abfrage; mittlere Rangkorrelation der gemeinsamen Treffer: %3.</numerusform>
            <numerusform>Mittlere Überlappung@%1: %2 über %Ln Abfragen; mittlere Rangkorrelation der gemeinsamen Treffer: %3.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/CompareDialog.cpp" line="354"/>
        <source>%Ln sampled item(s) are not in the other index and were left out.</source>
        <translation>
            <numerusform>%Ln Eintrag der Stichprobe fehlt im anderen Index und wurde ausgelassen.</numerusform>
            <numerusform>%Ln Einträge der Stichprobe fehlen im anderen Index und wurden ausgelassen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/CompareDialog.cpp" line="359"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../ui/CompareDialog.cpp" line="371"/>
        <source>%1 — overlap@%2 %3 (%4 shared), rank correlation %5</source>
        <translation>%1 — Überlappung@%2 %3 (%4 gemeinsam), Rangkorrelation %5</translation>
    </message>
</context>
<context>
    <name>sextant::ui::DuplicatesModel</name>
    <message numerus="yes">
        <location filename="../ui/DuplicatesModel.cpp" line="176"/>
        <source>Group %1: %Ln item(s)</source>
        <translation>
            <numerusform>Gruppe %1: %Ln Eintrag</numerusform>
            <numerusform>Gruppe %1: %Ln Einträge</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesModel.cpp" line="217"/>
        <source>Item</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesModel.cpp" line="220"/>
        <source>Best similarity</source>
        <translation>Beste Ähnlichkeit</translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesModel.cpp" line="221"/>
        <source>Best inner product</source>
        <translation>Bestes Skalarprodukt</translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesModel.cpp" line="222"/>
        <source>Closest distance</source>
        <translation>Kleinster Abstand</translation>
    </message>
</context>
<context>
    <name>sextant::ui::DuplicatesView</name>
    <message>
        <location filename="../ui/DuplicatesView.cpp" line="42"/>
        <source>Waiting for the neighbour graph</source>
        <translation>Warten auf den Nachbarschaftsgraphen</translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesView.cpp" line="43"/>
        <location filename="../ui/DuplicatesView.cpp" line="292"/>
        <source>Listing the items</source>
        <translation>Einträge werden aufgelistet</translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesView.cpp" line="44"/>
        <source>Checking %1 of %2 candidates exactly</source>
        <translation>Exakte Prüfung: %1 von %2 Kandidaten</translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesView.cpp" line="45"/>
        <source>Neighbours of %1 of %2 items</source>
        <translation>Nachbarn von %1 von %2 Einträgen</translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesView.cpp" line="119"/>
        <source>Optional filter, e.g. {&quot;lang&quot;: &quot;en&quot;}</source>
        <translation>Optionaler Filter, z. B. {&quot;lang&quot;: &quot;en&quot;}</translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesView.cpp" line="121"/>
        <source>Find Duplicates</source>
        <translation>Duplikate suchen</translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesView.cpp" line="124"/>
        <source>Look at every item&apos;s nearest neighbours in the graph and group the items at least this similar</source>
        <translation>Die nächsten Nachbarn jedes Eintrags im Suchgraphen ansehen und die mindestens so ähnlichen Einträge gruppieren</translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesView.cpp" line="128"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesView.cpp" line="134"/>
        <source>Find groups of items that are near-copies of each other: the same passage imported twice, a re-scraped page.</source>
        <translation>Gruppen von Einträgen finden, die fast Kopien voneinander sind: dieselbe Textstelle zweimal importiert, eine erneut abgerufene Seite.</translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesView.cpp" line="187"/>
        <source>Keep One per Group</source>
        <translation>Einen pro Gruppe behalten</translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesView.cpp" line="189"/>
        <source>Check every item of every group except the one to keep</source>
        <translation>In jeder Gruppe alle Einträge außer dem zu behaltenden ankreuzen</translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesView.cpp" line="191"/>
        <location filename="../ui/DuplicatesView.cpp" line="274"/>
        <source>Delete Checked</source>
        <translation>Angekreuzte löschen</translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesView.cpp" line="193"/>
        <source>Delete the checked items as one batch (Edit ▸ Undo puts them back)</source>
        <translation>Die angekreuzten Einträge in einem Schritt löschen (Bearbeiten ▸ Rückgängig stellt sie wieder her)</translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesView.cpp" line="199"/>
        <source>Filter:</source>
        <translation>Filter:</translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesView.cpp" line="205"/>
        <source>Keep:</source>
        <translation>Behalten:</translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesView.cpp" line="223"/>
        <source>(The index has changed since: Find Duplicates again to update.)</source>
        <translation>(Der Index hat sich seitdem geändert: „Duplikate suchen“ aktualisiert die Liste.)</translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesView.cpp" line="239"/>
        <source>Similarity at least:</source>
        <translation>Ähnlichkeit mindestens:</translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesView.cpp" line="242"/>
        <source>Cosine similarity: 1 for the same direction; 0.98 catches near-copies</source>
        <translation>Kosinus-Ähnlichkeit: 1 bei gleicher Richtung; 0,98 findet Beinahe-Kopien</translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesView.cpp" line="245"/>
        <source>Inner product at least:</source>
        <translation>Skalarprodukt mindestens:</translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesView.cpp" line="248"/>
        <source>The inner product of two items; it depends on the vectors&apos; lengths</source>
        <translation>Das Skalarprodukt zweier Einträge; es hängt von den Längen der Vektoren ab</translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesView.cpp" line="251"/>
        <source>Distance at most:</source>
        <translation>Abstand höchstens:</translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesView.cpp" line="254"/>
        <source>Euclidean distance: 0 for identical vectors</source>
        <translation>Euklidischer Abstand: 0 bei gleichen Vektoren</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/DuplicatesView.cpp" line="274"/>
        <source>Delete %Ln Checked</source>
        <translation>
            <numerusform>%Ln angekreuzten löschen</numerusform>
            <numerusform>%Ln angekreuzte löschen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesView.cpp" line="275"/>
        <source>The index is open read-only.</source>
        <translation>Der Index ist schreibgeschützt geöffnet.</translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesView.cpp" line="287"/>
        <source>Finding duplicates</source>
        <translation>Duplikate werden gesucht</translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesView.cpp" line="308"/>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesView.cpp" line="315"/>
        <source>Duplicates could not be found: %1</source>
        <translation>Duplikate konnten nicht gesucht werden: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/DuplicatesView.cpp" line="324"/>
        <source>%Ln item(s) searched</source>
        <translation>
            <numerusform>%Ln Eintrag durchsucht</numerusform>
            <numerusform>%Ln Einträge durchsucht</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesView.cpp" line="325"/>
        <source>No duplicates: %1.</source>
        <translation>Keine Duplikate: %1.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/DuplicatesView.cpp" line="326"/>
        <source>%Ln group(s) of near-duplicates, %1 items in all; %2.</source>
        <translation>
            <numerusform>%Ln Gruppe von Beinahe-Duplikaten, insgesamt %1 Einträge; %2.</numerusform>
            <numerusform>%Ln Gruppen von Beinahe-Duplikaten, insgesamt %1 Einträge; %2.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesView.cpp" line="331"/>
        <source>the first (by id)</source>
        <translation>den ersten (nach ID)</translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesView.cpp" line="332"/>
        <source>the last (by id)</source>
        <translation>den letzten (nach ID)</translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesView.cpp" line="334"/>
        <source>the greatest %1</source>
        <translation>den mit dem größten %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/DuplicatesView.cpp" line="371"/>
        <source>Deleted %Ln item(s) as one batch; Edit ▸ Undo puts them back.</source>
        <translation>
            <numerusform>%Ln Eintrag in einem Schritt gelöscht; Bearbeiten ▸ Rückgängig stellt ihn wieder her.</numerusform>
            <numerusform>%Ln Einträge in einem Schritt gelöscht; Bearbeiten ▸ Rückgängig stellt sie wieder her.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesView.cpp" line="380"/>
        <source>Select an item to compare it with another of its group.</source>
        <translation>Wählen Sie einen Eintrag, um ihn mit einem anderen seiner Gruppe zu vergleichen.</translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesView.cpp" line="390"/>
        <source>&lt;b&gt;%1&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/DuplicatesView.cpp" line="391"/>
        <source>&lt;b&gt;%1&lt;/b&gt; (the differences are marked)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (die Unterschiede sind markiert)</translation>
    </message>
</context>
<context>
    <name>sextant::ui::ExportDialog</name>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="23"/>
        <source>Export %1</source>
        <translation>%1 exportieren</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="33"/>
        <source>&amp;Format:</source>
        <translation>&amp;Format:</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="37"/>
        <source>Choose…</source>
        <translation>Auswählen …</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="40"/>
        <source>&amp;Destination:</source>
        <translation>&amp;Ziel:</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="64"/>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="67"/>
        <source>Cancel Export</source>
        <translation>Export abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="117"/>
        <source>One JSON object per line with id, vector and metadata, in id order: what &quot;sextant-cli insert&quot; and most tools read.</source>
        <translation>Ein JSON-Objekt pro Zeile mit ID, Vektor und Metadaten, nach ID sortiert: Das lesen „sextant-cli insert“ und die meisten Werkzeuge.</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="121"/>
        <source>The vectors as a float32 matrix (items × dimensions) for NumPy; the metadata is not exported.</source>
        <translation>Die Vektoren als float32-Matrix (Einträge × Dimensionen) für NumPy; die Metadaten werden nicht exportiert.</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="125"/>
        <source>A Vectra LocalIndex folder (index.json) that Vectra opens and queries. The folder must not hold an index yet.</source>
        <translation>Ein Vectra-LocalIndex-Ordner (index.json), den Vectra öffnen und abfragen kann. Der Ordner darf noch keinen Index enthalten.</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="129"/>
        <source>The index as it is now (its manifest, segments, graph and log) in one compressed archive; File ▸ Restore Backup… turns it into an index again.</source>
        <translation>Der Index, wie er jetzt ist (Manifest, Segmente, Graph und Log), in einem komprimierten Archiv; Datei ▸ Sicherung wiederherstellen … macht daraus wieder einen Index.</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="141"/>
        <source>New Vectra Folder</source>
        <translation>Neuer Vectra-Ordner</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="146"/>
        <source>Export to JSON Lines</source>
        <translation>Als JSON Lines exportieren</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="146"/>
        <source>JSON Lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="149"/>
        <source>Export to NumPy</source>
        <translation>Für NumPy exportieren</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="149"/>
        <source>NumPy arrays (*.npy)</source>
        <translation>NumPy-Arrays (*.npy)</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="152"/>
        <source>Backup Archive</source>
        <translation>Sicherungsarchiv</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="152"/>
        <source>Archives (*.tar.zst)</source>
        <translation>Archive (*.tar.zst)</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="162"/>
        <source>The ids go to %1.</source>
        <translation>Die IDs kommen nach %1.</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="181"/>
        <source>Exporting %1</source>
        <translation>%1 wird exportiert</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="190"/>
        <source>Cancelling…</source>
        <translation>Wird abgebrochen …</translation>
    </message>
    <message>
        <location filename="../ui/ExportDialog.cpp" line="201"/>
        <source>Export cancelled: no export was completed.</source>
        <translation>Export abgebrochen: Es wurde kein Export fertiggestellt.</translation>
    </message>
</context>
<context>
    <name>sextant::ui::FilterEdit</name>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="107"/>
        <source>Filter (optional), e.g. {&quot;genre&quot;: &quot;jazz&quot;, &quot;year&quot;: {&quot;$gte&quot;: 1960}}</source>
        <translation>Filter (optional), z. B. {&quot;genre&quot;: &quot;jazz&quot;, &quot;year&quot;: {&quot;$gte&quot;: 1960}}</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="135"/>
        <source>a bool</source>
        <translation>ein Wahrheitswert</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="136"/>
        <source>a number</source>
        <translation>eine Zahl</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="137"/>
        <source>a string</source>
        <translation>eine Zeichenkette</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="138"/>
        <source>an array</source>
        <translation>ein Array</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="139"/>
        <source>an object</source>
        <translation>ein Objekt</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="190"/>
        <source>an operator, one of %1</source>
        <translation>einen Operator, einen von %1</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="192"/>
        <source>one of %1 (write &quot;%2&quot; to reach a nested field)</source>
        <translation>eines von %1 (schreiben Sie „%2“, um ein verschachteltes Feld zu erreichen)</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="216"/>
        <source>Line %1, column %2: %3</source>
        <translation>Zeile %1, Spalte %2: %3</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="217"/>
        <source>Line %1, column %2: %3; expected %4</source>
        <translation>Zeile %1, Spalte %2: %3; erwartet: %4</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="152"/>
        <source>unexpected end of text</source>
        <translation>unerwartetes Ende des Textes</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="153"/>
        <source>unexpected character &apos;%1&apos;</source>
        <translation>unerwartetes Zeichen „%1“</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="154"/>
        <source>unexpected byte %1</source>
        <translation>unerwartetes Byte %1</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="159"/>
        <source>unknown operator &quot;%1&quot;</source>
        <translation>unbekannter Operator „%1“</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="158"/>
        <source>duplicate key &quot;%1&quot;</source>
        <translation>doppelter Schlüssel „%1“</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="168"/>
        <source>%1 after the end of the filter</source>
        <translation>%1 nach dem Ende des Filters</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="161"/>
        <source>empty condition on field &quot;%1&quot;</source>
        <translation>leere Bedingung für das Feld „%1“</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="163"/>
        <source>nested key &quot;%1&quot; in the condition on field &quot;%2&quot;</source>
        <translation>verschachtelter Schlüssel „%1“ in der Bedingung für das Feld „%2“</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="165"/>
        <source>%1 as the value of field &quot;%2&quot;</source>
        <translation>%1 als Wert des Feldes „%2“</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="166"/>
        <source>%1 as the operand of %2</source>
        <translation>%1 als Operand von %2</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="160"/>
        <source>empty field name</source>
        <translation>leerer Feldname</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="155"/>
        <source>unterminated string</source>
        <translation>nicht abgeschlossene Zeichenkette</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="156"/>
        <source>number with a leading zero</source>
        <translation>Zahl mit führender Null</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="157"/>
        <source>number out of range</source>
        <translation>Zahl außerhalb des Wertebereichs</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="176"/>
        <source>a value</source>
        <translation>ein Wert</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="177"/>
        <source>&apos;:&apos;</source>
        <translation>&apos;:&apos;</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="178"/>
        <source>&apos;,&apos; or &apos;}&apos;</source>
        <translation>&apos;,&apos; oder &apos;}&apos;</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="179"/>
        <source>&apos;,&apos; or &apos;]&apos;</source>
        <translation>&apos;,&apos; oder &apos;]&apos;</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="180"/>
        <source>a field name</source>
        <translation>ein Feldname</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="181"/>
        <source>a filter object {...}</source>
        <translation>ein Filterobjekt {...}</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="182"/>
        <source>$and, $or or a field name</source>
        <translation>$and, $or oder ein Feldname</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="183"/>
        <source>a string, number or bool</source>
        <translation>eine Zeichenkette, Zahl oder ein Wahrheitswert</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="184"/>
        <source>a number or string</source>
        <translation>eine Zahl oder Zeichenkette</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="185"/>
        <source>true or false</source>
        <translation>true oder false</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="186"/>
        <source>each key at most once in an object</source>
        <translation>jeden Schlüssel höchstens einmal pro Objekt</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="187"/>
        <source>at least one filter object</source>
        <translation>mindestens ein Filterobjekt</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="188"/>
        <source>an array of filter objects</source>
        <translation>ein Array von Filterobjekten</translation>
    </message>
    <message>
        <location filename="../ui/FilterEdit.cpp" line="189"/>
        <source>one of %1</source>
        <translation>eines von %1</translation>
    </message>
</context>
<context>
    <name>sextant::ui::FindingsModel</name>
    <message>
        <location filename="../ui/FindingsModel.cpp" line="106"/>
        <source>The index as a whole</source>
        <translation>Der Index als Ganzes</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/FindingsModel.cpp" line="109"/>
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n Befund</numerusform>
            <numerusform>%n Befunde</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/FindingsModel.cpp" line="113"/>
        <source>Findings about the index as a whole</source>
        <translation>Befunde zum Index als Ganzem</translation>
    </message>
    <message>
        <location filename="../ui/FindingsModel.cpp" line="134"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/FindingsModel.cpp" line="146"/>
        <source>File / location</source>
        <translation>Datei / Stelle</translation>
    </message>
    <message>
        <location filename="../ui/FindingsModel.cpp" line="147"/>
        <source>Finding</source>
        <translation>Befund</translation>
    </message>
    <message>
        <location filename="../ui/FindingsModel.cpp" line="148"/>
        <source>Repair</source>
        <translation>Reparatur</translation>
    </message>
    <message>
        <location filename="../ui/FindingsModel.cpp" line="158"/>
        <source>bytes %1–%2</source>
        <translation>Bytes %1–%2</translation>
    </message>
    <message>
        <location filename="../ui/FindingsModel.cpp" line="160"/>
        <source>byte %1</source>
        <translation>Byte %1</translation>
    </message>
    <message>
        <location filename="../ui/FindingsModel.cpp" line="162"/>
        <source>item %1</source>
        <translation>Eintrag %1</translation>
    </message>
    <message>
        <location filename="../ui/FindingsModel.cpp" line="162"/>
        <source>item %1 (%2)</source>
        <translation>Eintrag %1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/FindingsModel.cpp" line="164"/>
        <source>index</source>
        <translation>Index</translation>
    </message>
    <message>
        <location filename="../ui/FindingsModel.cpp" line="164"/>
        <source>whole file</source>
        <translation>ganze Datei</translation>
    </message>
</context>
<context>
    <name>sextant::ui::GoToIdDialog</name>
    <message>
        <location filename="../ui/GoToIdDialog.cpp" line="20"/>
        <source>Go to Id</source>
        <translation>Gehe zu ID</translation>
    </message>
    <message>
        <location filename="../ui/GoToIdDialog.cpp" line="21"/>
        <source>Id of an item, or the start of one:</source>
        <translation>ID eines Eintrags oder ihr Anfang:</translation>
    </message>
    <message>
        <location filename="../ui/GoToIdDialog.cpp" line="24"/>
        <source>e.g. item-0042</source>
        <translation>z. B. item-0042</translation>
    </message>
    <message>
        <location filename="../ui/GoToIdDialog.cpp" line="39"/>
        <source>Go</source>
        <translation>Springen</translation>
    </message>
    <message>
        <location filename="../ui/GoToIdDialog.cpp" line="72"/>
        <source>No item has the id &quot;%1&quot;, and no id starts with it.</source>
        <translation>Kein Eintrag hat die ID „%1“, und keine ID beginnt damit.</translation>
    </message>
</context>
<context>
    <name>sextant::ui::HealthMap</name>
    <message>
        <location filename="../ui/HealthMap.cpp" line="29"/>
        <source>manifest</source>
        <translation>Manifest</translation>
    </message>
    <message>
        <location filename="../ui/HealthMap.cpp" line="30"/>
        <source>previous manifest</source>
        <translation>vorheriges Manifest</translation>
    </message>
    <message>
        <location filename="../ui/HealthMap.cpp" line="31"/>
        <source>write-ahead log</source>
        <translation>Transaktionsprotokoll</translation>
    </message>
    <message>
        <location filename="../ui/HealthMap.cpp" line="32"/>
        <source>segment</source>
        <translation>Segment</translation>
    </message>
    <message>
        <location filename="../ui/HealthMap.cpp" line="33"/>
        <source>deletion vector</source>
        <translation>Löschvektor</translation>
    </message>
    <message>
        <location filename="../ui/HealthMap.cpp" line="34"/>
        <source>search graph</source>
        <translation>Suchgraph</translation>
    </message>
    <message>
        <location filename="../ui/HealthMap.cpp" line="35"/>
        <source>lock</source>
        <translation>Sperre</translation>
    </message>
    <message>
        <location filename="../ui/HealthMap.cpp" line="36"/>
        <source>quarantine</source>
        <translation>Quarantäne</translation>
    </message>
    <message>
        <location filename="../ui/HealthMap.cpp" line="37"/>
        <source>leftover file</source>
        <translation>übrig gebliebene Datei</translation>
    </message>
    <message>
        <location filename="../ui/HealthMap.cpp" line="38"/>
        <source>unexpected file</source>
        <translation>unerwartete Datei</translation>
    </message>
    <message>
        <location filename="../ui/HealthMap.cpp" line="366"/>
        <location filename="../ui/HealthMap.cpp" line="470"/>
        <source>The index as a whole</source>
        <translation>Der Index als Ganzes</translation>
    </message>
    <message>
        <location filename="../ui/HealthMap.cpp" line="370"/>
        <location filename="../ui/HealthMap.cpp" line="453"/>
        <source>missing</source>
        <translation>fehlt</translation>
    </message>
    <message>
        <location filename="../ui/HealthMap.cpp" line="372"/>
        <location filename="../ui/HealthMap.cpp" line="455"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/HealthMap.cpp" line="374"/>
        <source>one cell: %Ln block(s) of %1</source>
        <translation>
            <numerusform>eine Zelle: %Ln Block von %1</numerusform>
            <numerusform>eine Zelle: %Ln Blöcke von %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/HealthMap.cpp" line="376"/>
        <source>not checked by this run</source>
        <translation>bei diesem Durchlauf nicht geprüft</translation>
    </message>
    <message>
        <location filename="../ui/HealthMap.cpp" line="385"/>
        <source>block %1, bytes %2–%3</source>
        <translation>Block %1, Bytes %2–%3</translation>
    </message>
    <message>
        <location filename="../ui/HealthMap.cpp" line="386"/>
        <source>blocks %1–%2, bytes %3–%4</source>
        <translation>Blöcke %1–%2, Bytes %3–%4</translation>
    </message>
    <message>
        <location filename="../ui/HealthMap.cpp" line="397"/>
        <source>health: %1</source>
        <translation>Zustand: %1</translation>
    </message>
    <message>
        <location filename="../ui/HealthMap.cpp" line="415"/>
        <source>This report lists no files.</source>
        <translation>Dieser Bericht führt keine Dateien auf.</translation>
    </message>
    <message>
        <location filename="../ui/HealthMap.cpp" line="416"/>
        <source>Verify the index to see its files and blocks here.</source>
        <translation>Prüfen Sie den Index, um hier seine Dateien und Blöcke zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/HealthMap.cpp" line="444"/>
        <source>hatched: a finding about the whole file</source>
        <translation>schraffiert: ein Befund zur ganzen Datei</translation>
    </message>
    <message>
        <location filename="../ui/HealthMap.cpp" line="453"/>
        <source>%1, missing</source>
        <translation>%1, fehlt</translation>
    </message>
    <message>
        <location filename="../ui/HealthMap.cpp" line="457"/>
        <source>not listed in the report</source>
        <translation>nicht im Bericht aufgeführt</translation>
    </message>
    <message>
        <location filename="../ui/HealthMap.cpp" line="458"/>
        <source>, not checked</source>
        <translation>, nicht geprüft</translation>
    </message>
</context>
<context>
    <name>sextant::ui::ImportDialog</name>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="71"/>
        <source>Import into %1</source>
        <translation>In %1 importieren</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="71"/>
        <source>Import into a New Index</source>
        <translation>In einen neuen Index importieren</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="86"/>
        <source>&lt;b&gt;Import into %1&lt;/b&gt;</source>
        <translation>&lt;b&gt;In %1 importieren&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="87"/>
        <source>&lt;b&gt;Import into a new index&lt;/b&gt;</source>
        <translation>&lt;b&gt;In einen neuen Index importieren&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="89"/>
        <source>Looking at what was chosen…</source>
        <translation>Auswahl wird untersucht …</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="94"/>
        <source>Path</source>
        <translation>Pfad</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="94"/>
        <source>What it is</source>
        <translation>Was es ist</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="100"/>
        <source>New index</source>
        <translation>Neuer Index</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="105"/>
        <source>The folder the new index is created in; it must not exist yet or be empty.</source>
        <translation>Der Ordner, in dem der neue Index angelegt wird; er darf noch nicht existieren oder muss leer sein.</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="106"/>
        <source>Choose…</source>
        <translation>Auswählen …</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="109"/>
        <source>&amp;Folder:</source>
        <translation>&amp;Ordner:</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="113"/>
        <source>Shape:</source>
        <translation>Form:</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="117"/>
        <source>Documents</source>
        <translation>Dokumente</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="128"/>
        <source>At most this many characters (or tokens) per chunk; each chunk becomes one item.</source>
        <translation>Höchstens so viele Zeichen (oder Token) pro Abschnitt; jeder Abschnitt wird ein Eintrag.</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="133"/>
        <source>How much of the chunk before each chunk repeats (at most a quarter of the size), so that a sentence cut at a break is still found whole.</source>
        <translation>Wie viel vom vorigen Abschnitt sich am Anfang jedes Abschnitts wiederholt (höchstens ein Viertel der Größe), damit ein an einer Grenze geteilter Satz trotzdem ganz gefunden wird.</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="137"/>
        <source>characters</source>
        <translation>Zeichen</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="138"/>
        <source>tokens</source>
        <translation>Token</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="141"/>
        <source>size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="144"/>
        <source>overlap</source>
        <translation>Überlappung</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="149"/>
        <source>Chunks:</source>
        <translation>Abschnitte:</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="151"/>
        <source>Embedder:</source>
        <translation>Einbettungsmodell:</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="154"/>
        <source>Vectors</source>
        <translation>Vektoren</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="156"/>
        <source>&amp;Replace items whose id is already in the index (upsert)</source>
        <translation>Einträge, deren ID schon im Index ist, &amp;ersetzen (Upsert)</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="158"/>
        <source>Without it, an item whose id is taken is left out and listed in the report.</source>
        <translation>Andernfalls wird ein Eintrag mit bereits vergebener ID ausgelassen und im Bericht aufgeführt.</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="168"/>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="212"/>
        <source>Cancel Import</source>
        <translation>Import abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="214"/>
        <source>Stop after the current document or batch; what was written stays in the index.</source>
        <translation>Nach dem aktuellen Dokument oder Stapel anhalten; was geschrieben wurde, bleibt im Index.</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="234"/>
        <source>New Index Folder</source>
        <translation>Neuer Indexordner</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="274"/>
        <source>Reading the shape of the vectors…</source>
        <translation>Form der Vektoren wird gelesen …</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportDialog.cpp" line="317"/>
        <source>%n dimension(s), %1</source>
        <translation>
            <numerusform>%n Dimension, %1</numerusform>
            <numerusform>%n Dimensionen, %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="318"/>
        <source>, made for documents (embedder %1)</source>
        <translation>, für Dokumente angelegt (Einbettungsmodell %1)</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="324"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="344"/>
        <source>This index is open read-only, so nothing can be imported into it.</source>
        <translation>Dieser Index ist schreibgeschützt geöffnet, daher kann nichts in ihn importiert werden.</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="351"/>
        <source>Only the vector files will be imported.</source>
        <translation>Nur die Vektordateien werden importiert.</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="359"/>
        <source>Choose the folder of the new index.</source>
        <translation>Wählen Sie den Ordner des neuen Index.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportDialog.cpp" line="363"/>
        <source>%n folder(s) hold a Sextant index; they are not imported.</source>
        <translation>
            <numerusform>%n Ordner enthält einen Sextant-Index; er wird nicht importiert.</numerusform>
            <numerusform>%n Ordner enthalten einen Sextant-Index; sie werden nicht importiert.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="365"/>
        <source>Nothing here can be imported: Sextant reads documents (text, Markdown, HTML, PDF, source code, zip or tar archives) and vector files (JSON Lines, CSV, .npy, .fvecs, .bvecs, Vectra and LangChain folders).</source>
        <translation>Hiervon lässt sich nichts importieren: Sextant liest Dokumente (Text, Markdown, HTML, PDF, Quellcode, Zip- oder Tar-Archive) und Vektordateien (JSON Lines, CSV, .npy, .fvecs, .bvecs, Vectra- und LangChain-Ordner).</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportDialog.cpp" line="369"/>
        <source>%n path(s) cannot be imported and will be listed as failed.</source>
        <translation>
            <numerusform>%n Pfad lässt sich nicht importieren und wird als fehlgeschlagen aufgeführt.</numerusform>
            <numerusform>%n Pfade lassen sich nicht importieren und werden als fehlgeschlagen aufgeführt.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="413"/>
        <source>Starting…</source>
        <translation>Wird gestartet …</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="422"/>
        <source>Importing into %1</source>
        <translation>Import in %1</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="433"/>
        <source>Importing</source>
        <translation>Import läuft</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="434"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="446"/>
        <source>file %1 of %2</source>
        <translation>Datei %1 von %2</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="448"/>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="450"/>
        <source>%1 read</source>
        <translation>%1 gelesen</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportDialog.cpp" line="451"/>
        <source>%n item(s) written</source>
        <translation>
            <numerusform>%n Eintrag geschrieben</numerusform>
            <numerusform>%n Einträge geschrieben</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="466"/>
        <source>Import cancelled.</source>
        <translation>Import abgebrochen.</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="467"/>
        <source>The import stopped.</source>
        <translation>Der Import wurde abgebrochen.</translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="468"/>
        <source>Import finished.</source>
        <translation>Import abgeschlossen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportDialog.cpp" line="469"/>
        <source>%1 read  ·  %n item(s) written</source>
        <translation>
            <numerusform>%1 gelesen  ·  %n Eintrag geschrieben</numerusform>
            <numerusform>%1 gelesen  ·  %n Einträge geschrieben</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/ImportDialog.cpp" line="488"/>
        <source>Cancelling after the current document or batch…</source>
        <translation>Wird nach dem aktuellen Dokument oder Stapel abgebrochen …</translation>
    </message>
</context>
<context>
    <name>sextant::ui::ImportReportModel</name>
    <message>
        <location filename="../ui/ImportReportModel.cpp" line="64"/>
        <location filename="../ui/ImportReportModel.cpp" line="72"/>
        <source>%1 ▸ %2</source>
        <translation>%1 ▸ %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportReportModel.cpp" line="101"/>
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n Eintrag</numerusform>
            <numerusform>%n Einträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportReportModel.cpp" line="102"/>
        <source>%n chunk(s)</source>
        <translation>
            <numerusform>%n Abschnitt</numerusform>
            <numerusform>%n Abschnitte</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/ImportReportModel.cpp" line="130"/>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <location filename="../ui/ImportReportModel.cpp" line="131"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../ui/ImportReportModel.cpp" line="132"/>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <location filename="../ui/ImportReportModel.cpp" line="133"/>
        <source>In the index</source>
        <translation>Im Index</translation>
    </message>
    <message>
        <location filename="../ui/ImportReportModel.cpp" line="134"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location filename="../ui/ImportReportModel.cpp" line="135"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
</context>
<context>
    <name>sextant::ui::IndexPage</name>
    <message>
        <location filename="../ui/IndexPage.cpp" line="185"/>
        <source>&lt;b&gt;Read-only.&lt;/b&gt; %1 is writing this index. Its changes appear here as they happen; to change the index yourself, close it there.</source>
        <translation>&lt;b&gt;Schreibgeschützt.&lt;/b&gt; %1 schreibt gerade in diesen Index. Seine Änderungen erscheinen hier, sobald sie geschehen; um den Index selbst zu ändern, schließen Sie ihn dort.</translation>
    </message>
    <message>
        <location filename="../ui/IndexPage.cpp" line="189"/>
        <source>&lt;b&gt;Read-only.&lt;/b&gt; This index was opened read-only; its changes made elsewhere appear here as they happen.</source>
        <translation>&lt;b&gt;Schreibgeschützt.&lt;/b&gt; Dieser Index wurde schreibgeschützt geöffnet; anderswo vorgenommene Änderungen erscheinen hier, sobald sie geschehen.</translation>
    </message>
    <message>
        <location filename="../ui/IndexPage.cpp" line="36"/>
        <location filename="../ui/IndexPage.cpp" line="171"/>
        <source>Open for Writing</source>
        <translation>Zum Schreiben öffnen</translation>
    </message>
    <message>
        <location filename="../ui/IndexPage.cpp" line="58"/>
        <source>&lt;b&gt;Recovered.&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Wiederhergestellt.&lt;/b&gt; %1</translation>
    </message>
    <message>
        <location filename="../ui/IndexPage.cpp" line="60"/>
        <source>The cut bytes were saved to %1.</source>
        <translation>Die abgeschnittenen Bytes wurden in %1 gesichert.</translation>
    </message>
    <message>
        <location filename="../ui/IndexPage.cpp" line="72"/>
        <source>Summary</source>
        <translation>Übersicht</translation>
    </message>
    <message>
        <location filename="../ui/IndexPage.cpp" line="73"/>
        <source>Browse</source>
        <translation>Einträge</translation>
    </message>
    <message>
        <location filename="../ui/IndexPage.cpp" line="74"/>
        <source>Query</source>
        <translation>Abfrage</translation>
    </message>
    <message>
        <location filename="../ui/IndexPage.cpp" line="75"/>
        <source>Map</source>
        <translation>Karte</translation>
    </message>
    <message>
        <location filename="../ui/IndexPage.cpp" line="76"/>
        <source>Integrity</source>
        <translation>Integrität</translation>
    </message>
    <message>
        <location filename="../ui/IndexPage.cpp" line="78"/>
        <source>Duplicates</source>
        <translation>Duplikate</translation>
    </message>
    <message>
        <location filename="../ui/IndexPage.cpp" line="112"/>
        <source>&lt;b&gt;This index could not be opened.&lt;/b&gt; %1&lt;br&gt;Verification below shows where it is damaged; a repair can often make it usable again, after you have seen and approved its plan.</source>
        <translation>&lt;b&gt;Dieser Index konnte nicht geöffnet werden.&lt;/b&gt; %1&lt;br&gt;Die Prüfung unten zeigt, wo er beschädigt ist; eine Reparatur kann ihn oft wieder nutzbar machen, nachdem Sie ihren Plan gesehen und freigegeben haben.</translation>
    </message>
    <message>
        <location filename="../ui/IndexPage.cpp" line="116"/>
        <source>Try Again</source>
        <translation>Erneut versuchen</translation>
    </message>
    <message>
        <location filename="../ui/IndexPage.cpp" line="117"/>
        <source>Try again to open the index (for example after freeing disk space or fixing permissions).</source>
        <translation>Erneut versuchen, den Index zu öffnen (z. B. nachdem Sie Speicherplatz freigegeben oder Berechtigungen korrigiert haben).</translation>
    </message>
    <message>
        <location filename="../ui/IndexPage.cpp" line="151"/>
        <source>&lt;b&gt;Read-only.&lt;/b&gt; The other program has closed the index; opening it for writing…</source>
        <translation>&lt;b&gt;Schreibgeschützt.&lt;/b&gt; Das andere Programm hat den Index geschlossen; er wird zum Schreiben geöffnet …</translation>
    </message>
    <message>
        <location filename="../ui/IndexPage.cpp" line="171"/>
        <source>Stay Read-Only</source>
        <translation>Schreibgeschützt bleiben</translation>
    </message>
    <message>
        <location filename="../ui/IndexPage.cpp" line="173"/>
        <source>Do not switch to writing when the other program closes the index.</source>
        <translation>Nicht zum Schreiben wechseln, wenn das andere Programm den Index schließt.</translation>
    </message>
    <message>
        <location filename="../ui/IndexPage.cpp" line="174"/>
        <source>Open the index for writing here, keeping the filter, selection and query; while another program writes it, Sextant switches as soon as that program closes it.</source>
        <translation>Den Index hier zum Schreiben öffnen; Filter, Auswahl und Abfrage bleiben. Solange ein anderes Programm in ihn schreibt, wechselt Sextant, sobald jenes Programm ihn schließt.</translation>
    </message>
    <message>
        <location filename="../ui/IndexPage.cpp" line="178"/>
        <source>&lt;b&gt;Read-only.&lt;/b&gt; %1 is writing this index. Sextant opens it for writing here as soon as that program closes it; what you see stays as it is.</source>
        <translation>&lt;b&gt;Schreibgeschützt.&lt;/b&gt; %1 schreibt gerade in diesen Index. Sextant öffnet ihn hier zum Schreiben, sobald jenes Programm ihn schließt; was Sie sehen, bleibt, wie es ist.</translation>
    </message>
    <message>
        <location filename="../ui/IndexPage.cpp" line="182"/>
        <source>&lt;b&gt;The other writer has left.&lt;/b&gt; This index is still open read-only here. Open it for writing to change it; what you see stays as it is.</source>
        <translation>&lt;b&gt;Das andere Programm schreibt nicht mehr.&lt;/b&gt; Hier ist der Index noch schreibgeschützt geöffnet. Öffnen Sie ihn zum Schreiben, um ihn zu ändern; was Sie sehen, bleibt, wie es ist.</translation>
    </message>
</context>
<context>
    <name>sextant::ui::IndexSession</name>
    <message>
        <location filename="../ui/IndexSession.cpp" line="344"/>
        <source>No problems in %1 checked in %2.</source>
        <translation>Keine Probleme in %1 (geprüft in %2).</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/IndexSession.cpp" line="346"/>
        <source>%n problem(s) found.</source>
        <translation>
            <numerusform>%n Problem gefunden.</numerusform>
            <numerusform>%n Probleme gefunden.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sextant::ui::InspectorView</name>
    <message>
        <location filename="../ui/InspectorView.cpp" line="143"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="144"/>
        <location filename="../ui/InspectorView.cpp" line="282"/>
        <source>Delete this item (undoable)</source>
        <translation>Diesen Eintrag löschen (rückgängig machbar)</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="169"/>
        <source>Apply</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="170"/>
        <location filename="../ui/InspectorView.cpp" line="285"/>
        <source>Write the edited metadata to the index (undoable)</source>
        <translation>Die bearbeiteten Metadaten in den Index schreiben (rückgängig machbar)</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="171"/>
        <source>Revert</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="185"/>
        <source>Metadata</source>
        <translation>Metadaten</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="186"/>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="188"/>
        <source>Vector</source>
        <translation>Vektor</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="196"/>
        <source>Nearest neighbours</source>
        <translation>Nächste Nachbarn</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="202"/>
        <source>Distance</source>
        <translation>Abstand</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="202"/>
        <source>Similarity</source>
        <translation>Ähnlichkeit</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="205"/>
        <source>Click a neighbour to inspect it</source>
        <translation>Klicken Sie auf einen Nachbarn, um ihn anzusehen</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="515"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="202"/>
        <source>Item</source>
        <translation>Eintrag</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="219"/>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="223"/>
        <source>Copy Id</source>
        <translation>ID kopieren</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="224"/>
        <source>Copy as JSON Line</source>
        <translation>Als JSON-Zeile kopieren</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="225"/>
        <source>Copy Vector</source>
        <translation>Vektor kopieren</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="226"/>
        <source>Copy as Python List</source>
        <translation>Als Python-Liste kopieren</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="278"/>
        <source>The index is open read-only, so items cannot be changed.</source>
        <translation>Der Index ist schreibgeschützt geöffnet, daher lassen sich Einträge nicht ändern.</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="236"/>
        <source>Copy Value</source>
        <translation>Wert kopieren</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="241"/>
        <source>Copy Key</source>
        <translation>Schlüssel kopieren</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="251"/>
        <source>Not in the current filter: Browse does not list this item.</source>
        <translation>Nicht im aktuellen Filter: „Einträge“ zeigt diesen Eintrag nicht.</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="306"/>
        <source>The change was not written: %1</source>
        <translation>Die Änderung wurde nicht geschrieben: %1</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="403"/>
        <source>Select an item to inspect it.</source>
        <translation>Wählen Sie einen Eintrag aus, um ihn anzusehen.</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="413"/>
        <source>This item no longer exists.</source>
        <translation>Diesen Eintrag gibt es nicht mehr.</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="414"/>
        <source>The item could not be read.</source>
        <translation>Der Eintrag konnte nicht gelesen werden.</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="479"/>
        <source>No neighbours.</source>
        <translation>Keine Nachbarn.</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="450"/>
        <source>&lt;table cellspacing=4&gt;&lt;tr&gt;&lt;td&gt;Dimensions&lt;/td&gt;&lt;td align=right&gt;%1&lt;/td&gt;&lt;td width=24&gt;&lt;/td&gt;&lt;td&gt;Norm&lt;/td&gt;&lt;td align=right&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Minimum&lt;/td&gt;&lt;td align=right&gt;%3&lt;/td&gt;&lt;td&gt;&lt;/td&gt;&lt;td&gt;Maximum&lt;/td&gt;&lt;td align=right&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Mean&lt;/td&gt;&lt;td align=right&gt;%5&lt;/td&gt;&lt;td&gt;&lt;/td&gt;&lt;td&gt;Standard deviation&lt;/td&gt;&lt;td align=right&gt;%6&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;table cellspacing=4&gt;&lt;tr&gt;&lt;td&gt;Dimensionen&lt;/td&gt;&lt;td align=right&gt;%1&lt;/td&gt;&lt;td width=24&gt;&lt;/td&gt;&lt;td&gt;Norm&lt;/td&gt;&lt;td align=right&gt;%2&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Minimum&lt;/td&gt;&lt;td align=right&gt;%3&lt;/td&gt;&lt;td&gt;&lt;/td&gt;&lt;td&gt;Maximum&lt;/td&gt;&lt;td align=right&gt;%4&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;Mittelwert&lt;/td&gt;&lt;td align=right&gt;%5&lt;/td&gt;&lt;td&gt;&lt;/td&gt;&lt;td&gt;Standardabweichung&lt;/td&gt;&lt;td align=right&gt;%6&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="469"/>
        <source>Searching…</source>
        <translation>Suche läuft …</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="361"/>
        <source>Loading the selected row…</source>
        <translation>Die gewählte Zeile wird geladen …</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="491"/>
        <source>This item has no neighbours.</source>
        <translation>Dieser Eintrag hat keine Nachbarn.</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="492"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="538"/>
        <source>Line %1, column %2: %3</source>
        <translation>Zeile %1, Spalte %2: %3</translation>
    </message>
    <message>
        <location filename="../ui/InspectorView.cpp" line="545"/>
        <source>The metadata must be a JSON object: { … }.</source>
        <translation>Die Metadaten müssen ein JSON-Objekt sein: { … }.</translation>
    </message>
</context>
<context>
    <name>sextant::ui::IntegrityView</name>
    <message>
        <location filename="../ui/IntegrityView.cpp" line="50"/>
        <source>Quick Verify</source>
        <translation>Schnell prüfen</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityView.cpp" line="52"/>
        <source>Check every log record and data block against its checksum.</source>
        <translation>Jeden Protokolleintrag und jeden Datenblock anhand seiner Prüfsumme prüfen.</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityView.cpp" line="53"/>
        <source>Full Verify</source>
        <translation>Vollständig prüfen</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityView.cpp" line="55"/>
        <source>Also check the size and SHA-256 of every file, every vector and metadata document, the id map, and the graph&apos;s recall.</source>
        <translation>Außerdem Größe und SHA-256 jeder Datei, jeden Vektor und jedes Metadatendokument, die ID-Zuordnung und die Trefferquote des Graphen prüfen.</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityView.cpp" line="57"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityView.cpp" line="63"/>
        <source>Plan Repair…</source>
        <translation>Reparatur planen …</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityView.cpp" line="66"/>
        <source>Work out what repair would do and show it for approval. Nothing changes before you approve.</source>
        <translation>Ermitteln, was eine Reparatur tun würde, und es zur Freigabe zeigen. Vor Ihrer Freigabe ändert sich nichts.</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityView.cpp" line="138"/>
        <source>Repairing, step %1 of %2: %3</source>
        <translation>Reparatur, Schritt %1 von %2: %3</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityView.cpp" line="147"/>
        <source>Findings appear here after a verification.</source>
        <translation>Befunde erscheinen hier nach einer Prüfung.</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityView.cpp" line="148"/>
        <source>Not verified yet. Quick Verify checks every checksum; Full Verify also reads every file, vector and metadata document.</source>
        <translation>Noch nicht geprüft. „Schnell prüfen“ prüft jede Prüfsumme; „Vollständig prüfen“ liest außerdem jede Datei, jeden Vektor und jedes Metadatendokument.</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityView.cpp" line="204"/>
        <source>Full verification running…</source>
        <translation>Vollständige Prüfung läuft …</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityView.cpp" line="204"/>
        <source>Quick verification running…</source>
        <translation>Schnelle Prüfung läuft …</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityView.cpp" line="207"/>
        <source>Full verification of %1</source>
        <translation>Vollständige Prüfung von %1</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityView.cpp" line="207"/>
        <source>Verification of %1</source>
        <translation>Prüfung von %1</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityView.cpp" line="225"/>
        <source>Verification cancelled; the findings below are from the run before.</source>
        <translation>Prüfung abgebrochen; die Befunde unten stammen aus dem vorigen Durchlauf.</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityView.cpp" line="226"/>
        <source>Verification cancelled.</source>
        <translation>Prüfung abgebrochen.</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityView.cpp" line="234"/>
        <source>Verification failed: %1</source>
        <translation>Prüfung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityView.cpp" line="250"/>
        <source>Verified again after closing the index: nothing to repair.</source>
        <translation>Nach dem Schließen des Index erneut geprüft: nichts zu reparieren.</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityView.cpp" line="264"/>
        <source>No findings: every check passed.</source>
        <translation>Keine Befunde: Alle Prüfungen bestanden.</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityView.cpp" line="286"/>
        <source>Full verification</source>
        <translation>Vollständige Prüfung</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityView.cpp" line="286"/>
        <source>Quick verification</source>
        <translation>Schnelle Prüfung</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/IntegrityView.cpp" line="287"/>
        <source>%1 in %Ln file(s) checked in %2</source>
        <translation>
            <numerusform>%1 in %Ln Datei in %2 geprüft</numerusform>
            <numerusform>%1 in %Ln Dateien in %2 geprüft</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/IntegrityView.cpp" line="291"/>
        <source>(%1 GB/s)</source>
        <translation>(%1 GB/s)</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/IntegrityView.cpp" line="295"/>
        <source>No problems (%n note(s)).</source>
        <translation>
            <numerusform>Keine Probleme (%n Hinweis).</numerusform>
            <numerusform>Keine Probleme (%n Hinweise).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/IntegrityView.cpp" line="295"/>
        <source>No problems.</source>
        <translation>Keine Probleme.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/IntegrityView.cpp" line="298"/>
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n Fehler</numerusform>
            <numerusform>%n Fehler</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/IntegrityView.cpp" line="299"/>
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n Warnung</numerusform>
            <numerusform>%n Warnungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/IntegrityView.cpp" line="300"/>
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n Hinweis</numerusform>
            <numerusform>%n Hinweise</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/IntegrityView.cpp" line="301"/>
        <source>%n problem(s): %1.</source>
        <translation>
            <numerusform>%n Problem: %1.</numerusform>
            <numerusform>%n Probleme: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/IntegrityView.cpp" line="305"/>
        <source>%Ln readable item(s).</source>
        <translation>
            <numerusform>%Ln lesbarer Eintrag.</numerusform>
            <numerusform>%Ln lesbare Einträge.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/IntegrityView.cpp" line="306"/>
        <source>%1 %2: %3.%4</source>
        <translation>%1 %2: %3.%4</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityView.cpp" line="344"/>
        <source>Closing the index for the repair…</source>
        <translation>Index wird für die Reparatur geschlossen …</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityView.cpp" line="358"/>
        <source>Planning the repair…</source>
        <translation>Reparatur wird geplant …</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityView.cpp" line="377"/>
        <source>The repair could not be planned: %1</source>
        <translation>Die Reparatur konnte nicht geplant werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityView.cpp" line="400"/>
        <source>Repairing…</source>
        <translation>Reparatur läuft …</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityView.cpp" line="419"/>
        <source>Repair of %1</source>
        <translation>Reparatur von %1</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityView.cpp" line="428"/>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityView.cpp" line="455"/>
        <source>Opening the index again…</source>
        <translation>Index wird wieder geöffnet …</translation>
    </message>
    <message>
        <location filename="../ui/IntegrityView.cpp" line="460"/>
        <source>The index could not be opened again.</source>
        <translation>Der Index konnte nicht wieder geöffnet werden.</translation>
    </message>
</context>
<context>
    <name>sextant::ui::ItemCommands</name>
    <message>
        <location filename="../ui/ItemCommands.cpp" line="17"/>
        <source>Edit metadata of %1</source>
        <translation>Metadaten von %1 bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/ItemCommands.cpp" line="27"/>
        <source>Delete %1</source>
        <translation>%1 löschen</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ItemCommands.cpp" line="38"/>
        <source>Delete %n item(s)</source>
        <translation>
            <numerusform>%n Eintrag löschen</numerusform>
            <numerusform>%n Einträge löschen</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sextant::ui::ItemTableModel</name>
    <message>
        <location filename="../ui/ItemTableModel.cpp" line="518"/>
        <source>Loading…</source>
        <translation>Wird geladen …</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ItemTableModel.cpp" line="533"/>
        <source>The vector&apos;s %Ln value(s), averaged into the sparkline</source>
        <translation>
            <numerusform>Der %Ln Wert des Vektors, gemittelt in der Sparkline</numerusform>
            <numerusform>Die %Ln Werte des Vektors, gemittelt zur Sparkline</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/ItemTableModel.cpp" line="555"/>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../ui/ItemTableModel.cpp" line="555"/>
        <source>Id (natural order)</source>
        <translation>ID (natürliche Reihenfolge)</translation>
    </message>
    <message>
        <location filename="../ui/ItemTableModel.cpp" line="557"/>
        <source>Norm</source>
        <translation>Norm</translation>
    </message>
    <message>
        <location filename="../ui/ItemTableModel.cpp" line="559"/>
        <source>Vector</source>
        <translation>Vektor</translation>
    </message>
    <message>
        <location filename="../ui/ItemTableModel.cpp" line="563"/>
        <source>%1 (sorting…)</source>
        <translation>%1 (wird sortiert …)</translation>
    </message>
</context>
<context>
    <name>sextant::ui::JsonTreeModel</name>
    <message numerus="yes">
        <location filename="../ui/JsonTreeModel.cpp" line="89"/>
        <source>%n element(s)</source>
        <translation>
            <numerusform>%n Element</numerusform>
            <numerusform>%n Elemente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/JsonTreeModel.cpp" line="90"/>
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n Feld</numerusform>
            <numerusform>%n Felder</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/JsonTreeModel.cpp" line="96"/>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <location filename="../ui/JsonTreeModel.cpp" line="97"/>
        <source>boolean</source>
        <translation>Boolescher Wert</translation>
    </message>
    <message>
        <location filename="../ui/JsonTreeModel.cpp" line="98"/>
        <source>number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <location filename="../ui/JsonTreeModel.cpp" line="99"/>
        <source>string</source>
        <translation>Zeichenkette</translation>
    </message>
    <message>
        <location filename="../ui/JsonTreeModel.cpp" line="100"/>
        <source>array</source>
        <translation>Array</translation>
    </message>
    <message>
        <location filename="../ui/JsonTreeModel.cpp" line="101"/>
        <source>object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <location filename="../ui/JsonTreeModel.cpp" line="112"/>
        <source>Key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <location filename="../ui/JsonTreeModel.cpp" line="113"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../ui/JsonTreeModel.cpp" line="114"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
</context>
<context>
    <name>sextant::ui::MainWindow</name>
    <message>
        <location filename="../ui/MainWindow.cpp" line="67"/>
        <location filename="../ui/MainWindow.cpp" line="528"/>
        <source>Sextant</source>
        <translation>Sextant</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="109"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="110"/>
        <source>&amp;New Index…</source>
        <translation>&amp;Neuer Index …</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="112"/>
        <source>&amp;Open Index…</source>
        <translation>Index ö&amp;ffnen …</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="118"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="121"/>
        <source>&amp;Import Files…</source>
        <translation>Dateien &amp;importieren …</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="122"/>
        <source>Ctrl+I</source>
        <translation>Ctrl+I</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="123"/>
        <source>Import documents or vector files into the current index, or into a new one</source>
        <translation>Dokumente oder Vektordateien in den aktuellen Index importieren oder in einen neuen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="124"/>
        <source>Import a Fol&amp;der…</source>
        <translation>&amp;Ordner importieren …</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="125"/>
        <source>Import every document in a folder, or a Vectra or LangChain index folder</source>
        <translation>Alle Dokumente eines Ordners importieren, oder einen Vectra- oder LangChain-Indexordner</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="126"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exportieren …</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="127"/>
        <source>Ctrl+Shift+E</source>
        <translation>Ctrl+Shift+E</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="114"/>
        <source>Open &amp;File…</source>
        <translation>&amp;Datei öffnen …</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="115"/>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="129"/>
        <source>Restore &amp;Backup…</source>
        <translation>Sicherung &amp;wiederherstellen …</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="117"/>
        <source>Open a vector file (imported into a new index or the open one) or a backup archive (restored)</source>
        <translation>Eine Vektordatei öffnen (in einen neuen oder den geöffneten Index importiert) oder ein Sicherungsarchiv (wiederhergestellt)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="130"/>
        <source>Make a new index folder from a backup archive (.tar.zst) and open it</source>
        <translation>Aus einem Sicherungsarchiv (.tar.zst) einen neuen Indexordner anlegen und öffnen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="131"/>
        <source>Publish to Post&amp;greSQL…</source>
        <translation>In PostgreSQL &amp;veröffentlichen …</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="132"/>
        <source>Send the index to a PostgreSQL table with pgvector; later only what changed</source>
        <translation>Den Index in eine PostgreSQL-Tabelle mit pgvector senden, später nur die Änderungen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="134"/>
        <source>Open from Postgre&amp;SQL…</source>
        <translation>Aus PostgreSQL &amp;laden …</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="135"/>
        <source>Read a pgvector table into a new local index and open it</source>
        <translation>Eine pgvector-Tabelle in einen neuen lokalen Index lesen und öffnen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="137"/>
        <source>&amp;Close Index</source>
        <translation>Index &amp;schließen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="141"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="145"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="146"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="149"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="164"/>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="166"/>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="169"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="171"/>
        <source>&amp;Summary</source>
        <translation>&amp;Übersicht</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="171"/>
        <source>&amp;Browse</source>
        <translation>&amp;Einträge</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="172"/>
        <source>&amp;Query</source>
        <translation>&amp;Abfrage</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="172"/>
        <source>&amp;Map</source>
        <translation>&amp;Karte</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="173"/>
        <source>&amp;Integrity</source>
        <translation>&amp;Integrität</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="173"/>
        <source>&amp;Duplicates</source>
        <translation>&amp;Duplikate</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="193"/>
        <source>&amp;Refresh</source>
        <translation>Aktualisie&amp;ren</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="199"/>
        <source>&amp;Index</source>
        <translation>&amp;Index</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="200"/>
        <source>&amp;Verify</source>
        <translation>&amp;Prüfen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="206"/>
        <source>&amp;Full Verify</source>
        <translation>&amp;Vollständig prüfen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="212"/>
        <source>Plan &amp;Repair…</source>
        <translation>&amp;Reparatur planen …</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="218"/>
        <source>Estimate R&amp;ecall</source>
        <translation>&amp;Trefferquote schätzen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="225"/>
        <source>&amp;Checkpoint</source>
        <translation>&amp;Checkpoint</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="228"/>
        <source>C&amp;ompact</source>
        <translation>Ver&amp;dichten</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="232"/>
        <location filename="../ui/MainWindow.cpp" line="242"/>
        <source>Convert &amp;Graph to 8-bit Codes…</source>
        <translation>&amp;Graph in 8-Bit-Codes umwandeln …</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="241"/>
        <source>Convert Graph to F&amp;loat Vectors…</source>
        <translation>Graph in F&amp;loat-Vektoren umwandeln …</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="248"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="249"/>
        <source>Open the &amp;Demo Index</source>
        <translation>&amp;Demo-Index öffnen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="250"/>
        <source>Make an index from short example texts (or open it when it exists) and search it</source>
        <translation>Einen Index aus kurzen Beispieltexten anlegen (oder ihn öffnen, falls er existiert) und darin suchen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="252"/>
        <source>&amp;About Sextant</source>
        <translation>Ü&amp;ber Sextant</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="254"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="264"/>
        <source>No recent indexes</source>
        <translation>Keine zuletzt geöffneten Indizes</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="298"/>
        <source>Opening %1</source>
        <translation>%1 wird geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="299"/>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet …</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="332"/>
        <source>There is no Sextant index in %1.</source>
        <translation>Im Ordner %1 befindet sich kein Sextant-Index.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="335"/>
        <source>The folder %1 does not exist.</source>
        <translation>Den Ordner %1 gibt es nicht.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="338"/>
        <source>Could Not Open the Index</source>
        <translation>Index konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="329"/>
        <source>Sextant could not open %1.</source>
        <translation>Sextant konnte %1 nicht öffnen.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="927"/>
        <source>Sextant could not restore %1.</source>
        <translation>Sextant konnte %1 nicht wiederherstellen.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="358"/>
        <source>Creating %1</source>
        <translation>%1 wird angelegt</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="155"/>
        <source>&amp;Copy</source>
        <translation>&amp;Kopieren</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="158"/>
        <source>Copy what has the focus: text, the selected Browse rows as JSON Lines, or a table&apos;s cells</source>
        <translation>Kopiert, was den Fokus hat: Text, die gewählten Zeilen der Einträge als JSON Lines oder die Zellen einer Tabelle</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="159"/>
        <source>&amp;Go to Id…</source>
        <translation>&amp;Gehe zu ID …</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="161"/>
        <source>Ctrl+G</source>
        <translation>Ctrl+G</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="185"/>
        <source>&amp;Natural Id Order</source>
        <translation>&amp;Natürliche ID-Reihenfolge</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="191"/>
        <source>Sort Browse&apos;s ids with the numbers in them compared as numbers (item2 before item10)</source>
        <translation>Die IDs der Einträge mit den Zahlen darin als Zahlen sortieren (item2 vor item10)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="363"/>
        <source>Could Not Create the Index</source>
        <translation>Index konnte nicht angelegt werden</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="388"/>
        <source>Creating the demo index</source>
        <translation>Demo-Index wird angelegt</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="389"/>
        <source>Creating the demo index in %1…</source>
        <translation>Demo-Index wird in %1 angelegt …</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="413"/>
        <source>Could Not Create the Demo Index</source>
        <translation>Demo-Index konnte nicht angelegt werden</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="420"/>
        <source>Made the demo index from %n document(s) in %1 s.</source>
        <translation>
            <numerusform>Demo-Index aus %n Dokument in %1 s angelegt.</numerusform>
            <numerusform>Demo-Index aus %n Dokumenten in %1 s angelegt.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="467"/>
        <source>A write failed: %1</source>
        <translation>Ein Schreibvorgang ist fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="528"/>
        <source>%1 — Sextant</source>
        <translation>%1 — Sextant</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="499"/>
        <source>Could Not Open for Writing</source>
        <translation>Konnte nicht zum Schreiben öffnen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="538"/>
        <source>Could not be opened</source>
        <translation>Konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="543"/>
        <source>Read-only</source>
        <translation>Schreibgeschützt</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="545"/>
        <source>Reading…</source>
        <translation>Wird gelesen …</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="549"/>
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln Eintrag</numerusform>
            <numerusform>%Ln Einträge</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="550"/>
        <source>following changes</source>
        <translation>folgt Änderungen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="552"/>
        <source>writes: idle</source>
        <translation>Schreibvorgänge: keine</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="553"/>
        <source>writes: %Ln queued</source>
        <translation>
            <numerusform>Schreibvorgänge: %Ln wartet</numerusform>
            <numerusform>Schreibvorgänge: %Ln warten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="554"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="566"/>
        <source>Open Index Folder</source>
        <translation>Indexordner öffnen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="700"/>
        <source>About Sextant</source>
        <translation>Über Sextant</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="701"/>
        <source>&lt;h3&gt;Sextant %1&lt;/h3&gt;&lt;p&gt;A workbench and embedded engine for local vector indexes: create, browse, query, verify and repair them.&lt;/p&gt;&lt;p&gt;Every write is checksummed and, by default, on stable storage before it is acknowledged.&lt;/p&gt;&lt;p&gt;Distance kernels: %2. Qt %3.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Sextant %1&lt;/h3&gt;&lt;p&gt;Eine Werkbank und eingebettete Engine für lokale Vektorindizes: anlegen, durchsehen, abfragen, prüfen und reparieren.&lt;/p&gt;&lt;p&gt;Jeder Schreibvorgang trägt eine Prüfsumme und ist standardmäßig dauerhaft gespeichert, bevor er bestätigt wird.&lt;/p&gt;&lt;p&gt;Distanzkernel: %2. Qt %3.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="573"/>
        <source>Open a File</source>
        <translation>Datei öffnen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="574"/>
        <source>Vector files and backups (*.jsonl *.ndjson *.csv *.tsv *.npy *.fvecs *.bvecs *.tar.zst);;All files (*)</source>
        <translation>Vektordateien und Sicherungen (*.jsonl *.ndjson *.csv *.tsv *.npy *.fvecs *.bvecs *.tar.zst);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="591"/>
        <source>Looking at %1…</source>
        <translation>%1 wird angesehen …</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="747"/>
        <source>Drop to import into %1 (an index folder opens instead)</source>
        <translation>Ablegen, um in %1 zu importieren (ein Indexordner wird stattdessen geöffnet)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="748"/>
        <source>Drop to open an index folder, or to make a new index from documents or vectors</source>
        <translation>Ablegen, um einen Indexordner zu öffnen oder aus Dokumenten oder Vektoren einen neuen Index anzulegen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="607"/>
        <source>Import a File</source>
        <translation>Datei importieren</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="608"/>
        <source>%1 is not an index but a file Sextant can import.</source>
        <translation>%1 ist kein Index, sondern eine Datei, die Sextant importieren kann.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="612"/>
        <source>Import its items into the open index %1, or make a new index from them?</source>
        <translation>Die Einträge in den geöffneten Index %1 importieren oder einen neuen Index daraus machen?</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="615"/>
        <source>Import into %1</source>
        <translation>In %1 importieren</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="617"/>
        <source>New Index…</source>
        <translation>Neuer Index …</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="770"/>
        <source>Looking at %n dropped item(s)…</source>
        <translation>
            <numerusform>%n abgelegtes Objekt wird untersucht …</numerusform>
            <numerusform>%n abgelegte Objekte werden untersucht …</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="820"/>
        <source>Convert to a Sextant Index</source>
        <translation>In einen Sextant-Index umwandeln</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="821"/>
        <source>Convert the %1 in %2 to a Sextant index. The folder itself is only read.</source>
        <translation>Den %1 in %2 in einen Sextant-Index umwandeln. Der Ordner selbst wird nur gelesen.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="834"/>
        <source>Not a Sextant Index</source>
        <translation>Kein Sextant-Index</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="835"/>
        <source>%1 holds a %2, not a Sextant index.</source>
        <translation>%1 enthält einen %2, keinen Sextant-Index.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="837"/>
        <source>Sextant can make a new Sextant index from its items, with their ids, vectors and metadata. The folder itself is left as it is.</source>
        <translation>Sextant kann aus seinen Einträgen einen neuen Sextant-Index anlegen, mit ihren IDs, Vektoren und Metadaten. Der Ordner selbst bleibt, wie er ist.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="839"/>
        <source>Convert to a Sextant Index…</source>
        <translation>In einen Sextant-Index umwandeln …</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="848"/>
        <source>Import Files</source>
        <translation>Dateien importieren</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="849"/>
        <source>Documents and vectors (*.txt *.md *.markdown *.html *.htm *.pdf *.zip *.tar *.tgz *.tar.gz *.jsonl *.ndjson *.csv *.tsv *.npy *.fvecs *.bvecs);;All files (*)</source>
        <translation>Dokumente und Vektoren (*.txt *.md *.markdown *.html *.htm *.pdf *.zip *.tar *.tgz *.tar.gz *.jsonl *.ndjson *.csv *.tsv *.npy *.fvecs *.bvecs);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="857"/>
        <source>Import a Folder</source>
        <translation>Ordner importieren</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="890"/>
        <source>Restore a Backup</source>
        <translation>Sicherung wiederherstellen</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="891"/>
        <source>Backup archives (*.tar.zst);;All files (*)</source>
        <translation>Sicherungsarchive (*.tar.zst);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="585"/>
        <location filename="../ui/MainWindow.cpp" line="896"/>
        <source>New Folder for the Restored Index</source>
        <translation>Neuer Ordner für den wiederhergestellten Index</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="914"/>
        <source>Restoring %1</source>
        <translation>%1 wird wiederhergestellt</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="915"/>
        <source>Restoring %1…</source>
        <translation>%1 wird wiederhergestellt …</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="919"/>
        <location filename="../ui/MainWindow.cpp" line="920"/>
        <source>The restore was cancelled.</source>
        <translation>Die Wiederherstellung wurde abgebrochen.</translation>
    </message>
    <message>
        <location filename="../ui/MainWindow.cpp" line="926"/>
        <source>Could Not Restore the Backup</source>
        <translation>Sicherung konnte nicht wiederhergestellt werden</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="931"/>
        <source>Restored %n file(s) (%1) into %2.</source>
        <translation>
            <numerusform>%n Datei (%1) nach %2 wiederhergestellt.</numerusform>
            <numerusform>%n Dateien (%1) nach %2 wiederhergestellt.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sextant::ui::MapView</name>
    <message>
        <location filename="../ui/MapView.cpp" line="62"/>
        <source>Colour the points by a metadata field: a palette for text and bools, a gradient for numbers</source>
        <translation>Punkte nach einem Metadatenfeld einfärben: eine Palette für Texte und Wahrheitswerte, ein Verlauf für Zahlen</translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="70"/>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="71"/>
        <source>Show all points</source>
        <translation>Alle Punkte zeigen</translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="72"/>
        <location filename="../ui/MapView.cpp" line="87"/>
        <source>Recompute</source>
        <translation>Neu berechnen</translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="73"/>
        <source>Sample and project the index again</source>
        <translation>Erneut eine Stichprobe ziehen und den Index projizieren</translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="66"/>
        <source>PCA</source>
        <translation>PCA</translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="67"/>
        <source>UMAP</source>
        <translation>UMAP</translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="69"/>
        <source>PCA shows the global spread; UMAP, laid out on the index&apos;s own neighbour graph, shows clusters</source>
        <translation>PCA zeigt die globale Streuung; UMAP, aufgebaut auf dem eigenen Nachbarschaftsgraphen des Index, zeigt Gruppen</translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="86"/>
        <source>The index has changed since this map was computed.</source>
        <translation>Der Index hat sich geändert, seit diese Karte berechnet wurde.</translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="94"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="102"/>
        <source>The map appears here once it has been computed.</source>
        <translation>Die Karte erscheint hier, sobald sie berechnet ist.</translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="113"/>
        <source>Colour by:</source>
        <translation>Färben nach:</translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="109"/>
        <source>Method:</source>
        <translation>Methode:</translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="126"/>
        <location filename="../ui/MapView.cpp" line="250"/>
        <source>(none)</source>
        <translation>(keine)</translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="191"/>
        <source>Computing the map</source>
        <translation>Karte wird berechnet</translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="196"/>
        <source>Sampling items</source>
        <translation>Stichprobe der Einträge wird gezogen</translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="200"/>
        <source>Computing the map…</source>
        <translation>Karte wird berechnet …</translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="225"/>
        <source>Computing the map was cancelled. Press Recompute to start again.</source>
        <translation>Die Berechnung der Karte wurde abgebrochen. Mit „Neu berechnen“ beginnt sie von vorn.</translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="226"/>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="233"/>
        <source>The map could not be computed.</source>
        <translation>Die Karte konnte nicht berechnet werden.</translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="244"/>
        <source>The index is empty: add items to see them on the map.</source>
        <translation>Der Index ist leer: Fügen Sie Einträge hinzu, um sie auf der Karte zu sehen.</translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="380"/>
        <source>The index is empty.</source>
        <translation>Der Index ist leer.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MapView.cpp" line="394"/>
        <source>PCA of all %Ln item(s)</source>
        <translation>
            <numerusform>PCA von %Ln Eintrag</numerusform>
            <numerusform>PCA aller %Ln Einträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MapView.cpp" line="395"/>
        <source>PCA of %1 of %Ln item(s), seed %2</source>
        <translation>
            <numerusform>PCA von %1 von %Ln Eintrag, Startwert %2</numerusform>
            <numerusform>PCA von %1 der %Ln Einträge, Startwert %2</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="399"/>
        <source>; the two axes explain %1 % of the variance (%2 % and %3 %)</source>
        <translation>; die beiden Achsen erklären %1 % der Varianz (%2 % und %3 %)</translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="402"/>
        <source>; vectors normalised (cosine)</source>
        <translation>; Vektoren normalisiert (Kosinus)</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MapView.cpp" line="405"/>
        <source>; sample capped at %Ln item(s) for %1 dimensions</source>
        <translation>
            <numerusform>; Stichprobe auf %Ln Eintrag begrenzt bei %1 Dimensionen</numerusform>
            <numerusform>; Stichprobe auf %Ln Einträge begrenzt bei %1 Dimensionen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="278"/>
        <source>Computing the UMAP layout</source>
        <translation>UMAP-Layout wird berechnet</translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="290"/>
        <source>UMAP: neighbours from the graph</source>
        <translation>UMAP: Nachbarn aus dem Suchgraphen</translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="469"/>
        <source>(missing or not a number)</source>
        <translation>(fehlt oder keine Zahl)</translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="292"/>
        <source>UMAP is being computed; the PCA map is shown until the layout forms.</source>
        <translation>UMAP wird berechnet; bis das Layout entsteht, wird die PCA-Karte gezeigt.</translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="302"/>
        <source>UMAP forming: epoch %1 of %2</source>
        <translation>UMAP entsteht: Epoche %1 von %2</translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="313"/>
        <source>UMAP was cancelled; the PCA map is shown.</source>
        <translation>UMAP wurde abgebrochen; die PCA-Karte wird gezeigt.</translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="497"/>
        <source>other</source>
        <translation>andere</translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="498"/>
        <source>(missing)</source>
        <translation>(fehlt)</translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="323"/>
        <source>UMAP could not be computed: %1</source>
        <translation>UMAP konnte nicht berechnet werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="524"/>
        <source>Scroll to zoom, drag to pan, click a point to select its item.</source>
        <translation>Mausrad zum Zoomen, Ziehen zum Verschieben, Klick auf einen Punkt wählt seinen Eintrag.</translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="364"/>
        <source>%1: its %2 nearest neighbours in the original space are joined to it (%3 of them are not in the sample).</source>
        <translation>%1: seine %2 nächsten Nachbarn im ursprünglichen Raum sind mit ihm verbunden (%3 davon sind nicht in der Stichprobe).</translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="369"/>
        <source>%1: its %2 nearest neighbours in the original space are joined to it.</source>
        <translation>%1: seine %2 nächsten Nachbarn im ursprünglichen Raum sind mit ihm verbunden.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MapView.cpp" line="382"/>
        <source>UMAP of all %Ln item(s)</source>
        <translation>
            <numerusform>UMAP von %Ln Eintrag</numerusform>
            <numerusform>UMAP aller %Ln Einträge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MapView.cpp" line="383"/>
        <source>UMAP of %1 of %Ln item(s), seed %2</source>
        <translation>
            <numerusform>UMAP von %1 von %Ln Eintrag, Startwert %2</numerusform>
            <numerusform>UMAP von %1 der %Ln Einträge, Startwert %2</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/MapView.cpp" line="387"/>
        <source>; %1 neighbours from the graph, min_dist %2, %3 epochs</source>
        <translation>; %1 Nachbarn aus dem Suchgraphen, min_dist %2, %3 Epochen</translation>
    </message>
</context>
<context>
    <name>sextant::ui::NewIndexDialog</name>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="32"/>
        <source>New Index</source>
        <translation>Neuer Index</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="37"/>
        <source>for example: product-docs</source>
        <translation>zum Beispiel: produkt-doku</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="38"/>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="44"/>
        <source>Choose…</source>
        <translation>Auswählen …</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="47"/>
        <source>Location:</source>
        <translation>Speicherort:</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="56"/>
        <source>The length of every vector: it must match the model that makes the embeddings (384 for all-MiniLM-L6-v2, 1536 for text-embedding-3-small).</source>
        <translation>Die Länge jedes Vektors: Sie muss zum Modell passen, das die Embeddings berechnet (384 für all-MiniLM-L6-v2, 1536 für text-embedding-3-small).</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="58"/>
        <source>&amp;Dimensions:</source>
        <translation>&amp;Dimensionen:</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="61"/>
        <source>Cosine similarity</source>
        <translation>Kosinus-Ähnlichkeit</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="62"/>
        <source>Euclidean distance (L2)</source>
        <translation>Euklidischer Abstand (L2)</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="63"/>
        <source>Dot product</source>
        <translation>Skalarprodukt</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="64"/>
        <source>Cosine suits most text embeddings. Dot product suits vectors that are already normalised or whose length carries meaning.</source>
        <translation>Kosinus passt zu den meisten Text-Embeddings. Das Skalarprodukt passt zu Vektoren, die schon normalisiert sind oder deren Länge eine Bedeutung trägt.</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="66"/>
        <source>&amp;Metric:</source>
        <translation>&amp;Metrik:</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="69"/>
        <source>Full: every write survives a power failure</source>
        <translation>Vollständig: Jeder Schreibvorgang übersteht einen Stromausfall</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="70"/>
        <source>Normal: writes survive a crash of Sextant, not of the machine</source>
        <translation>Normal: Schreibvorgänge überstehen einen Absturz von Sextant, nicht des Rechners</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="71"/>
        <source>Off: fastest, for throwaway indexes</source>
        <translation>Aus: am schnellsten, für Wegwerf-Indizes</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="73"/>
        <source>D&amp;urability:</source>
        <translation>Da&amp;uerhaftigkeit:</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="76"/>
        <source>Metadata fields (optional)</source>
        <translation>Metadatenfelder (optional)</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="78"/>
        <source>Declared fields are checked on every write and shown as columns. Items may carry other metadata too.</source>
        <translation>Deklarierte Felder werden bei jedem Schreibvorgang geprüft und als Spalten gezeigt. Einträge dürfen auch andere Metadaten tragen.</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="84"/>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="84"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="84"/>
        <source>Required</source>
        <translation>Pflicht</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="92"/>
        <source>&amp;Add Field</source>
        <translation>Feld &amp;hinzufügen</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="93"/>
        <source>&amp;Remove Field</source>
        <translation>Feld &amp;entfernen</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="100"/>
        <source>Approximate search (HNSW)</source>
        <translation>Näherungssuche (HNSW)</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="106"/>
        <source>Links per node. More links: better recall, more memory, slower building.</source>
        <translation>Verbindungen pro Knoten. Mehr Verbindungen: bessere Trefferquote, mehr Speicher, langsamerer Aufbau.</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="110"/>
        <source>Candidates considered while building. Higher: a better graph, slower building.</source>
        <translation>Beim Aufbau betrachtete Kandidaten. Höher: ein besserer Graph, langsamerer Aufbau.</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="114"/>
        <source>Default candidates per query. Higher: better recall, slower queries.</source>
        <translation>Standardzahl der Kandidaten pro Abfrage. Höher: bessere Trefferquote, langsamere Abfragen.</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="115"/>
        <source>M:</source>
        <translation>M:</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="116"/>
        <source>ef construction:</source>
        <translation>ef construction:</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="125"/>
        <source>ef search:</source>
        <translation>ef search:</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="123"/>
        <source>The share of the true 10 nearest neighbours searches should find. The index measures the ef that reaches it and uses that ef instead of ef search.</source>
        <translation>Der Anteil der wahren 10 nächsten Nachbarn, den Suchen finden sollen. Der Index misst das ef, das ihn erreicht, und verwendet dieses ef statt ef search.</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="126"/>
        <source>Target recall@10:</source>
        <translation>Ziel-Trefferquote@10:</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="128"/>
        <source>8-bit codes, reranked exactly (smaller, faster)</source>
        <translation>8-Bit-Codes, exakt nachbewertet (kleiner, schneller)</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="129"/>
        <source>Float vectors</source>
        <translation>Float-Vektoren</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="131"/>
        <source>How the graph holds each vector. 8-bit codes take about a third of the memory and build faster; the best candidates are then scored again with the exact vectors, so results and scores are those of the full vectors.</source>
        <translation>Wie der Graph jeden Vektor hält. 8-Bit-Codes brauchen etwa ein Drittel des Speichers und bauen schneller; die besten Kandidaten werden danach mit den exakten Vektoren neu bewertet, daher sind Ergebnisse und Werte die der vollen Vektoren.</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="134"/>
        <source>Graph vectors:</source>
        <translation>Vektoren im Graphen:</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="145"/>
        <source>Create</source>
        <translation>Anlegen</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="210"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="211"/>
        <source>Number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="212"/>
        <source>Yes/no</source>
        <translation>Ja/Nein</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="213"/>
        <source>List of texts</source>
        <translation>Liste von Texten</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="231"/>
        <source>Choose Where to Create the Index</source>
        <translation>Speicherort für den Index wählen</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="238"/>
        <source>Give the index a name: it becomes the name of its folder.</source>
        <translation>Geben Sie dem Index einen Namen: Er wird zum Namen seines Ordners.</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="240"/>
        <source>The name must not contain slashes.</source>
        <translation>Der Name darf keine Schrägstriche enthalten.</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="241"/>
        <source>Choose the folder to create the index in.</source>
        <translation>Wählen Sie den Ordner, in dem der Index angelegt wird.</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="244"/>
        <source>The field &quot;%1&quot; is declared twice.</source>
        <translation>Das Feld „%1“ ist doppelt deklariert.</translation>
    </message>
    <message>
        <location filename="../ui/NewIndexDialog.cpp" line="256"/>
        <source>Creates %1</source>
        <translation>Legt %1 an</translation>
    </message>
</context>
<context>
    <name>sextant::ui::OpenFromPostgresDialog</name>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="408"/>
        <source>Open from PostgreSQL</source>
        <translation>Aus PostgreSQL laden</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="417"/>
        <source>Optional SQL condition, e.g. metadata-&gt;&gt;&apos;lang&apos; = &apos;en&apos;</source>
        <translation>Optionale SQL-Bedingung, z. B. metadata-&gt;&gt;&apos;lang&apos; = &apos;en&apos;</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="418"/>
        <source>Only &amp;rows where:</source>
        <translation>Nur &amp;Zeilen mit:</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="422"/>
        <source>Choose…</source>
        <translation>Auswählen …</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="425"/>
        <source>New &amp;index folder:</source>
        <translation>Neuer &amp;Indexordner:</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="429"/>
        <source>The rows are read in a read-only transaction, a page at a time, into a new local index: id, vector, metadata, and text and uri when the table has them.</source>
        <translation>Die Zeilen werden in einer Nur-Lese-Transaktion seitenweise in einen neuen lokalen Index gelesen: ID, Vektor, Metadaten sowie text und uri, wenn die Tabelle sie hat.</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="445"/>
        <source>O&amp;pen</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="448"/>
        <source>Ca&amp;ncel Reading</source>
        <translation>Lesen a&amp;bbrechen</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="487"/>
        <source>New Index Folder</source>
        <translation>Neuer Indexordner</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="508"/>
        <source>%1 is not empty; choose a new folder.</source>
        <translation>%1 ist nicht leer; wählen Sie einen neuen Ordner.</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="521"/>
        <source>Connecting…</source>
        <translation>Verbinden …</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="539"/>
        <source>%1 rows read, %2 MB/s</source>
        <translation>%1 Zeilen gelesen, %2 MB/s</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="555"/>
        <source>Read %1 rows of %2 (%3 dimensions, %4) into %5.</source>
        <translation>%1 Zeilen aus %2 (%3 Dimensionen, %4) nach %5 gelesen.</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="569"/>
        <source>Not opened: %1</source>
        <translation>Nicht geöffnet: %1</translation>
    </message>
</context>
<context>
    <name>sextant::ui::PostgresConnectionForm</name>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="78"/>
        <source>From PGPASSWORD or ~/.pgpass when empty; never saved</source>
        <translation>Leer: aus PGPASSWORD oder ~/.pgpass; wird nie gespeichert</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="84"/>
        <source>items, or schema.items</source>
        <translation>items oder schema.items</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="87"/>
        <source>P&amp;ort:</source>
        <translation>P&amp;ort:</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="91"/>
        <source>&amp;Host:</source>
        <translation>&amp;Host:</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="94"/>
        <source>&amp;Database:</source>
        <translation>&amp;Datenbank:</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="95"/>
        <source>&amp;User:</source>
        <translation>Ben&amp;utzer:</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="96"/>
        <source>Pass&amp;word:</source>
        <translation>Pass&amp;wort:</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="97"/>
        <source>SS&amp;L mode:</source>
        <translation>SS&amp;L-Modus:</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="98"/>
        <source>&amp;Table:</source>
        <translation>&amp;Tabelle:</translation>
    </message>
</context>
<context>
    <name>sextant::ui::PreferencesDialog</name>
    <message>
        <location filename="../ui/PreferencesDialog.cpp" line="15"/>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../ui/PreferencesDialog.cpp" line="18"/>
        <source>Writes</source>
        <translation>Schreibvorgänge</translation>
    </message>
    <message>
        <location filename="../ui/PreferencesDialog.cpp" line="21"/>
        <source>As each index was created</source>
        <translation>Wie beim Anlegen des jeweiligen Index</translation>
    </message>
    <message>
        <location filename="../ui/PreferencesDialog.cpp" line="22"/>
        <source>Full (survives power failure)</source>
        <translation>Vollständig (übersteht einen Stromausfall)</translation>
    </message>
    <message>
        <location filename="../ui/PreferencesDialog.cpp" line="23"/>
        <source>Normal (survives a crash of Sextant)</source>
        <translation>Normal (übersteht einen Absturz von Sextant)</translation>
    </message>
    <message>
        <location filename="../ui/PreferencesDialog.cpp" line="24"/>
        <source>Off (no syncs: fastest, unsafe)</source>
        <translation>Aus (kein Sync: am schnellsten, unsicher)</translation>
    </message>
    <message>
        <location filename="../ui/PreferencesDialog.cpp" line="27"/>
        <source>When a write counts as done. Applies to indexes opened from now on.</source>
        <translation>Wann ein Schreibvorgang als erledigt gilt. Gilt für Indizes, die ab jetzt geöffnet werden.</translation>
    </message>
    <message>
        <location filename="../ui/PreferencesDialog.cpp" line="28"/>
        <source>&amp;Durability of open indexes:</source>
        <translation>&amp;Dauerhaftigkeit geöffneter Indizes:</translation>
    </message>
    <message>
        <location filename="../ui/PreferencesDialog.cpp" line="33"/>
        <source>Default for &amp;new indexes:</source>
        <translation>Vorgabe für &amp;neue Indizes:</translation>
    </message>
    <message>
        <location filename="../ui/PreferencesDialog.cpp" line="36"/>
        <source>Queries</source>
        <translation>Abfragen</translation>
    </message>
    <message>
        <location filename="../ui/PreferencesDialog.cpp" line="41"/>
        <source>Default &amp;k (results):</source>
        <translation>Vorgabe für &amp;k (Ergebnisse):</translation>
    </message>
    <message>
        <location filename="../ui/PreferencesDialog.cpp" line="44"/>
        <source>The index&apos;s own</source>
        <translation>Wert des Index</translation>
    </message>
    <message>
        <location filename="../ui/PreferencesDialog.cpp" line="46"/>
        <source>Candidates an approximate query considers. Higher: better recall, slower.</source>
        <translation>Kandidaten, die eine Näherungsabfrage betrachtet. Höher: bessere Trefferquote, langsamer.</translation>
    </message>
    <message>
        <location filename="../ui/PreferencesDialog.cpp" line="47"/>
        <source>Default &amp;ef:</source>
        <translation>Vorgabe für &amp;ef:</translation>
    </message>
    <message>
        <location filename="../ui/PreferencesDialog.cpp" line="50"/>
        <source>Appearance</source>
        <translation>Erscheinungsbild</translation>
    </message>
    <message>
        <location filename="../ui/PreferencesDialog.cpp" line="53"/>
        <location filename="../ui/PreferencesDialog.cpp" line="60"/>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <location filename="../ui/PreferencesDialog.cpp" line="54"/>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location filename="../ui/PreferencesDialog.cpp" line="55"/>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location filename="../ui/PreferencesDialog.cpp" line="57"/>
        <source>&amp;Theme:</source>
        <translation>&amp;Farbschema:</translation>
    </message>
    <message>
        <location filename="../ui/PreferencesDialog.cpp" line="66"/>
        <source>&amp;Language:</source>
        <translation>&amp;Sprache:</translation>
    </message>
    <message>
        <location filename="../ui/PreferencesDialog.cpp" line="67"/>
        <source>A new language takes effect the next time Sextant starts.</source>
        <translation>Eine andere Sprache gilt ab dem nächsten Start von Sextant.</translation>
    </message>
</context>
<context>
    <name>sextant::ui::PublishDialog</name>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="171"/>
        <source>Publish %1 to PostgreSQL</source>
        <translation>%1 in PostgreSQL veröffentlichen</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="178"/>
        <source>&amp;Create the table (and the vector extension) when it is missing</source>
        <translation>Tabelle (und die Erweiterung vector) &amp;anlegen, wenn sie fehlt</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="180"/>
        <source>&amp;Merge into a table that holds other rows (never delete rows)</source>
        <translation>In eine Tabelle mit anderen Zeilen &amp;mischen (nie Zeilen löschen)</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="182"/>
        <source>HNSW (the index&apos;s M and efConstruction)</source>
        <translation>HNSW (M und efConstruction des Index)</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="183"/>
        <source>IVFFlat</source>
        <translation>IVFFlat</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="184"/>
        <source>None</source>
        <translation>Keiner</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="188"/>
        <source>&amp;ANN index on the server:</source>
        <translation>ANN-&amp;Index auf dem Server:</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="190"/>
        <source>Nothing is sent before you have seen the plan.</source>
        <translation>Nichts wird gesendet, bevor Sie den Plan gesehen haben.</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="213"/>
        <source>&amp;Show Plan</source>
        <translation>Plan &amp;zeigen</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="215"/>
        <source>&amp;Publish</source>
        <translation>&amp;Veröffentlichen</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="217"/>
        <source>Ca&amp;ncel Publish</source>
        <translation>Veröffentlichen a&amp;bbrechen</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="277"/>
        <source>Connecting and comparing…</source>
        <translation>Verbinden und vergleichen …</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="292"/>
        <source>Publish #%1 to %2 on %3.</source>
        <translation>Veröffentlichung Nr. %1 nach %2 auf %3.</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="294"/>
        <source>%1 items: %2 to send, %3 to delete, %4 unchanged.</source>
        <translation>%1 Einträge: %2 zu senden, %3 zu löschen, %4 unverändert.</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="297"/>
        <source>Then: %1</source>
        <translation>Danach: %1</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="311"/>
        <source>No plan: %1</source>
        <translation>Kein Plan: %1</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="332"/>
        <source>Publishing…</source>
        <translation>Wird veröffentlicht …</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="349"/>
        <source>%1 of %2 changes sent, %3 MB/s</source>
        <translation>%1 von %2 Änderungen gesendet, %3 MB/s</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="360"/>
        <source>Published: %1 rows sent, %2 deleted in %3 batches, %4 MB in %5 s.</source>
        <translation>Veröffentlicht: %1 Zeilen gesendet, %2 gelöscht in %3 Stapeln, %4 MB in %5 s.</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="364"/>
        <source>The ANN index was created.</source>
        <translation>Der ANN-Index wurde angelegt.</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="366"/>
        <source>Run this query on the server for the ten rows nearest to one item:</source>
        <translation>Diese Abfrage liefert auf dem Server die zehn Zeilen, die einem Eintrag am nächsten sind:</translation>
    </message>
    <message>
        <location filename="../ui/PostgresDialogs.cpp" line="378"/>
        <source>Not finished: %1</source>
        <translation>Nicht abgeschlossen: %1</translation>
    </message>
</context>
<context>
    <name>sextant::ui::QueryResultsModel</name>
    <message>
        <location filename="../ui/QueryResultsModel.cpp" line="117"/>
        <source>true</source>
        <translation>wahr</translation>
    </message>
    <message>
        <location filename="../ui/QueryResultsModel.cpp" line="117"/>
        <source>false</source>
        <translation>falsch</translation>
    </message>
    <message>
        <location filename="../ui/QueryResultsModel.cpp" line="118"/>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <location filename="../ui/QueryResultsModel.cpp" line="153"/>
        <source>In the exact top-k at rank %1, but missed by this query</source>
        <translation>In den exakten Top-k auf Rang %1, aber von dieser Abfrage verfehlt</translation>
    </message>
    <message>
        <location filename="../ui/QueryResultsModel.cpp" line="160"/>
        <source>(%1)</source>
        <translation>(%1)</translation>
    </message>
    <message>
        <location filename="../ui/QueryResultsModel.cpp" line="166"/>
        <source>missed</source>
        <translation>verfehlt</translation>
    </message>
    <message>
        <location filename="../ui/QueryResultsModel.cpp" line="167"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../ui/QueryResultsModel.cpp" line="167"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location filename="../ui/QueryResultsModel.cpp" line="179"/>
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <location filename="../ui/QueryResultsModel.cpp" line="180"/>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../ui/QueryResultsModel.cpp" line="183"/>
        <source>Similarity</source>
        <translation>Ähnlichkeit</translation>
    </message>
    <message>
        <location filename="../ui/QueryResultsModel.cpp" line="184"/>
        <source>Dot product</source>
        <translation>Skalarprodukt</translation>
    </message>
    <message>
        <location filename="../ui/QueryResultsModel.cpp" line="185"/>
        <source>Distance</source>
        <translation>Abstand</translation>
    </message>
    <message>
        <location filename="../ui/QueryResultsModel.cpp" line="187"/>
        <source>Score</source>
        <translation>Wertung</translation>
    </message>
    <message>
        <location filename="../ui/QueryResultsModel.cpp" line="190"/>
        <source>In exact top-k</source>
        <translation>In exakten Top-k</translation>
    </message>
    <message>
        <location filename="../ui/QueryResultsModel.cpp" line="196"/>
        <source>Cosine similarity to the query: higher is closer (1 = same direction)</source>
        <translation>Kosinus-Ähnlichkeit zur Abfrage: höher ist näher (1 = gleiche Richtung)</translation>
    </message>
    <message>
        <location filename="../ui/QueryResultsModel.cpp" line="197"/>
        <source>Inner product with the query: higher is closer</source>
        <translation>Skalarprodukt mit der Abfrage: höher ist näher</translation>
    </message>
    <message>
        <location filename="../ui/QueryResultsModel.cpp" line="198"/>
        <source>Euclidean (L2) distance to the query: lower is closer (0 = identical)</source>
        <translation>Euklidischer Abstand (L2) zur Abfrage: niedriger ist näher (0 = identisch)</translation>
    </message>
    <message>
        <location filename="../ui/QueryResultsModel.cpp" line="202"/>
        <source>Whether the hit is among the exact search&apos;s top-k; rows in italics are exact hits this query missed</source>
        <translation>Ob der Treffer zu den exakten Top-k gehört; kursive Zeilen sind exakte Treffer, die diese Abfrage verfehlt hat</translation>
    </message>
    <message>
        <location filename="../ui/QueryResultsModel.cpp" line="205"/>
        <source>Position in the results, best first; (n) is the rank in the exact results of a missed hit</source>
        <translation>Position in den Ergebnissen, beste zuerst; (n) ist der Rang eines verfehlten Treffers in den exakten Ergebnissen</translation>
    </message>
</context>
<context>
    <name>sextant::ui::QueryView</name>
    <message>
        <location filename="../ui/QueryView.cpp" line="105"/>
        <source>Vector</source>
        <translation>Vektor</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="106"/>
        <source>Similar to item</source>
        <translation>Ähnlich wie Eintrag</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="107"/>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="108"/>
        <source>Search with a vector you paste, with the vector of an item (the item itself is left out), or with words (documents imported into this index)</source>
        <translation>Mit einem eingefügten Vektor suchen, mit dem Vektor eines Eintrags (der Eintrag selbst wird ausgelassen) oder mit Wörtern (in diesen Index importierte Dokumente)</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/QueryView.cpp" line="116"/>
        <source>A vector of %n numbers as JSON, e.g. [0.12, -0.5, ...]</source>
        <translation>
            <numerusform>Ein Vektor aus %n Zahl als JSON, z. B. [0.12, -0.5, ...]</numerusform>
            <numerusform>Ein Vektor aus %n Zahlen als JSON, z. B. [0.12, -0.5, ...]</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="119"/>
        <source>Id of an item in this index</source>
        <translation>ID eines Eintrags in diesem Index</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="141"/>
        <source>How many nearest items to return</source>
        <translation>Wie viele nächste Einträge zurückgegeben werden</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="144"/>
        <source>Auto</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="145"/>
        <source>Exact</source>
        <translation>Exakt</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="146"/>
        <source>ANN</source>
        <translation>ANN</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="147"/>
        <source>Auto lets the planner choose; Exact scans every matching item (the true top-k); ANN searches the HNSW graph</source>
        <translation>„Automatisch“ lässt den Planer wählen; „Exakt“ durchsucht jeden passenden Eintrag (die echten Top-k); „ANN“ durchsucht den HNSW-Graphen</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="152"/>
        <source>index default (%1)</source>
        <translation>Vorgabe des Index (%1)</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="154"/>
        <source>HNSW candidate list size: larger is slower and finds more of the true neighbours</source>
        <translation>Größe der HNSW-Kandidatenliste: größer ist langsamer und findet mehr der echten Nachbarn</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="156"/>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="159"/>
        <source>Run the query (Ctrl+Return)</source>
        <translation>Die Abfrage ausführen (Strg+Eingabe)</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="164"/>
        <source>Compare with exact</source>
        <translation>Mit exakter Suche vergleichen</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="166"/>
        <source>Run the same query as an exact scan and show which true neighbours were found</source>
        <translation>Dieselbe Abfrage als exakten Durchlauf ausführen und zeigen, welche echten Nachbarn gefunden wurden</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="167"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="169"/>
        <source>Stop waiting for the running query</source>
        <translation>Nicht länger auf die laufende Abfrage warten</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="221"/>
        <source>Query:</source>
        <translation>Abfrage:</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="225"/>
        <source>Filter:</source>
        <translation>Filter:</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="227"/>
        <source>Metadata filter in the JSON filter language (see docs/filters.md); empty matches everything</source>
        <translation>Metadatenfilter in der JSON-Filtersprache (siehe docs/filters.md); leer passt alles</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="263"/>
        <source>&amp;k:</source>
        <translation>&amp;k:</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="264"/>
        <source>&amp;Mode:</source>
        <translation>&amp;Modus:</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="265"/>
        <source>&amp;ef:</source>
        <translation>&amp;ef:</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="352"/>
        <source>Search the documents…</source>
        <translation>Dokumente durchsuchen …</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="356"/>
        <source>Hybrid</source>
        <translation>Hybrid</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="357"/>
        <source>Meaning (vector)</source>
        <translation>Bedeutung (Vektor)</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="358"/>
        <source>Keywords (BM25)</source>
        <translation>Stichwörter (BM25)</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="359"/>
        <source>Hybrid fuses the two rankings; Meaning embeds the words and searches by vector; Keywords ranks the passages that contain the words (BM25)</source>
        <translation>„Hybrid“ verbindet beide Rangfolgen; „Bedeutung“ bettet die Wörter ein und sucht per Vektor; „Stichwörter“ ordnet die Textstellen, die die Wörter enthalten (BM25)</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="434"/>
        <source>Text search needs an index made for documents: this one holds vectors made elsewhere, so Sextant cannot turn words into its vectors.</source>
        <translation>Die Textsuche braucht einen für Dokumente angelegten Index: Dieser enthält anderswo berechnete Vektoren, daher kann Sextant Wörter nicht in seine Vektoren umwandeln.</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="437"/>
        <source>Its items carry a &quot;text&quot; field, so Keywords (BM25) works.</source>
        <translation>Seine Einträge haben ein Feld „text“, daher funktioniert „Stichwörter (BM25)“.</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="363"/>
        <source>All hits</source>
        <translation>Alle Treffer</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="160"/>
        <source>Compare with Another Open Index…</source>
        <translation>Mit anderem offenen Index vergleichen …</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="163"/>
        <source>Run the same queries on another open index (another model or chunking) and compare the results</source>
        <translation>Dieselben Abfragen auf einem anderen offenen Index ausführen (anderes Modell oder andere Abschnitte) und die Ergebnisse vergleichen</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="364"/>
        <source>Score ≥ 25 % of the best</source>
        <translation>Wert ≥ 25 % des besten</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="365"/>
        <source>Score ≥ 50 % of the best</source>
        <translation>Wert ≥ 50 % des besten</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="366"/>
        <source>Leave out hits whose score is far below the best hit&apos;s: a search with few relevant passages then ends where they do</source>
        <translation>Treffer weglassen, deren Wert weit unter dem des besten liegt: Eine Suche mit wenigen passenden Textstellen endet dann mit ihnen</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="477"/>
        <source>Text search needs an index made for documents.</source>
        <translation>Die Textsuche braucht einen für Dokumente angelegten Index.</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="478"/>
        <source>This search mode is not available for this index.</source>
        <translation>Diese Suchart ist für diesen Index nicht verfügbar.</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="482"/>
        <source>Enter the words to search for.</source>
        <translation>Geben Sie die zu suchenden Wörter ein.</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="509"/>
        <source>Searching…</source>
        <translation>Suche läuft …</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="510"/>
        <source>Searching… (the first keyword search reads every passage once)</source>
        <translation>Suche läuft … (die erste Stichwortsuche liest jede Textstelle einmal)</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="511"/>
        <source>Text search</source>
        <translation>Textsuche</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="538"/>
        <source>The hits below are from the previous search.</source>
        <translation>Die Treffer unten stammen aus der vorigen Suche.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/QueryView.cpp" line="572"/>
        <source>Enter a vector of %n numbers.</source>
        <translation>
            <numerusform>Geben Sie einen Vektor aus %n Zahl ein.</numerusform>
            <numerusform>Geben Sie einen Vektor aus %n Zahlen ein.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="577"/>
        <source>NaN and infinity are not allowed in a vector: every value must be a finite number.</source>
        <translation>NaN und Unendlich sind in einem Vektor nicht erlaubt: Jeder Wert muss eine endliche Zahl sein.</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="595"/>
        <source>Not a JSON array of numbers.</source>
        <translation>Kein JSON-Array aus Zahlen.</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="588"/>
        <source>Element %1 is not a number.</source>
        <translation>Element %1 ist keine Zahl.</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="587"/>
        <source>Element %1 is not a finite number (or too large for a float).</source>
        <translation>Element %1 ist keine endliche Zahl (oder zu groß für float).</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="592"/>
        <source>Not a JSON array of numbers: it goes wrong near character %1.</source>
        <translation>Kein JSON-Array aus Zahlen: der Fehler liegt nahe Zeichen %1.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/QueryView.cpp" line="601"/>
        <source>The vector has %n number(s); this index holds vectors of %1 dimensions.</source>
        <translation>
            <numerusform>Der Vektor hat %n Zahl; dieser Index enthält Vektoren mit %1 Dimensionen.</numerusform>
            <numerusform>Der Vektor hat %n Zahlen; dieser Index enthält Vektoren mit %1 Dimensionen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="652"/>
        <source>Enter the id of an item.</source>
        <translation>Geben Sie die ID eines Eintrags ein.</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="730"/>
        <source>Running…</source>
        <translation>Läuft …</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="731"/>
        <source>Exact query</source>
        <translation>Exakte Abfrage</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="731"/>
        <source>Query</source>
        <translation>Abfrage</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="750"/>
        <source>Exact query for comparison</source>
        <translation>Exakte Abfrage zum Vergleich</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="751"/>
        <source>Comparing with the exact search…</source>
        <translation>Vergleich mit der exakten Suche …</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="774"/>
        <source>Comparison cancelled.</source>
        <translation>Vergleich abgebrochen.</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="777"/>
        <source>Query cancelled; the hits below are from the previous query.</source>
        <translation>Abfrage abgebrochen; die Treffer unten stammen aus der vorigen Abfrage.</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="778"/>
        <source>Query cancelled.</source>
        <translation>Abfrage abgebrochen.</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="790"/>
        <source>The hits below are from the previous query.</source>
        <translation>Die Treffer unten stammen aus der vorigen Abfrage.</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="825"/>
        <source>The exact search failed.</source>
        <translation>Die exakte Suche ist fehlgeschlagen.</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="843"/>
        <source>exact scan took %1</source>
        <translation>exakter Durchlauf dauerte %1</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="844"/>
        <source>Rows marked &quot;missed&quot; (in italics) are true neighbours this query did not return</source>
        <translation>Als „verfehlt“ markierte Zeilen (kursiv) sind echte Nachbarn, die diese Abfrage nicht geliefert hat</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="854"/>
        <source>Recall: the exact search found no hits either</source>
        <translation>Trefferquote: Auch die exakte Suche fand keine Treffer</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="855"/>
        <source>Recall %1/%2 = %3 against the exact top-%4</source>
        <translation>Trefferquote %1/%2 = %3 gegenüber den exakten Top-%4</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/QueryView.cpp" line="868"/>
        <location filename="../ui/QueryView.cpp" line="896"/>
        <source>%n hit(s) in %1</source>
        <translation>
            <numerusform>%n Treffer in %1</numerusform>
            <numerusform>%n Treffer in %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/QueryView.cpp" line="874"/>
        <source>%n within half of the best score</source>
        <translation>
            <numerusform>%n mit mindestens halbem Bestwert</numerusform>
            <numerusform>%n mit mindestens halbem Bestwert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/QueryView.cpp" line="877"/>
        <source>%n hidden below the minimum score</source>
        <translation>
            <numerusform>%n unter dem Mindestwert ausgeblendet</numerusform>
            <numerusform>%n unter dem Mindestwert ausgeblendet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/QueryView.cpp" line="879"/>
        <source>%n passage(s) in the keyword index</source>
        <translation>
            <numerusform>%n Textstelle im Stichwortindex</numerusform>
            <numerusform>%n Textstellen im Stichwortindex</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="888"/>
        <source>The index has changed since this search ran; run it again for current results.</source>
        <translation>Der Index hat sich seit dieser Suche geändert; führen Sie sie erneut aus, um aktuelle Ergebnisse zu erhalten.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/QueryView.cpp" line="899"/>
        <source>%Ln item(s) of %1 match the filter</source>
        <translation>
            <numerusform>%Ln von %1 Einträgen passt zum Filter</numerusform>
            <numerusform>%Ln von %1 Einträgen passen zum Filter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/QueryView.cpp" line="902"/>
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln Eintrag</numerusform>
            <numerusform>%Ln Einträge</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="903"/>
        <source>ef %1</source>
        <translation>ef %1</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="907"/>
        <source>Fell back to the exact scan: %1</source>
        <translation>Auf den exakten Durchlauf ausgewichen: %1</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="915"/>
        <source>The index has changed since this query ran; run it again for current results.</source>
        <translation>Der Index hat sich seit dieser Abfrage geändert; führen Sie sie erneut aus, um aktuelle Ergebnisse zu erhalten.</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="980"/>
        <source>No passages: the items of this index carry no text.</source>
        <translation>Keine Textstellen: Die Einträge dieses Index enthalten keinen Text.</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="981"/>
        <source>No passage matches these words.

Try other words, or Meaning (vector) to find passages that say the same thing differently.</source>
        <translation>Keine Textstelle passt zu diesen Wörtern.

Versuchen Sie andere Wörter oder „Bedeutung (Vektor)“, um Textstellen zu finden, die dasselbe anders sagen.</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="989"/>
        <source>No search yet.

Type words in &quot;Search the documents…&quot; and press Enter, or search by vector or by item.</source>
        <translation>Noch keine Suche.

Geben Sie Wörter in „Dokumente durchsuchen …“ ein und drücken Sie die Eingabetaste, oder suchen Sie per Vektor oder per Eintrag.</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="995"/>
        <source>No query yet.

Paste a vector as JSON, or choose &quot;Similar to item&quot; and enter an id, then press Run (Ctrl+Return).</source>
        <translation>Noch keine Abfrage.

Fügen Sie einen Vektor als JSON ein oder wählen Sie „Ähnlich wie Eintrag“ und geben Sie eine ID ein; dann „Ausführen“ (Strg+Eingabe).</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="1001"/>
        <source>The filter matches no items, so there are no hits.

Loosen the filter and run again.</source>
        <translation>Der Filter passt zu keinem Eintrag, daher gibt es keine Treffer.

Lockern Sie den Filter und führen Sie die Abfrage erneut aus.</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="1003"/>
        <source>The index is empty: there is nothing to find yet.</source>
        <translation>Der Index ist leer: Es gibt noch nichts zu finden.</translation>
    </message>
    <message>
        <location filename="../ui/QueryView.cpp" line="1005"/>
        <source>No hits.</source>
        <translation>Keine Treffer.</translation>
    </message>
</context>
<context>
    <name>sextant::ui::RepairDialog</name>
    <message>
        <location filename="../ui/RepairDialog.cpp" line="42"/>
        <source>Repair %1</source>
        <translation>%1 reparieren</translation>
    </message>
    <message>
        <location filename="../ui/RepairDialog.cpp" line="46"/>
        <source>&lt;b&gt;Repair plan for %1&lt;/b&gt;</source>
        <translation>&lt;b&gt;Reparaturplan für %1&lt;/b&gt;</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/RepairDialog.cpp" line="53"/>
        <source>Nothing has been changed yet. Approve to carry out these %n step(s); afterwards the index is verified again and you see the result before and after.</source>
        <translation>
            <numerusform>Bisher wurde nichts geändert. Geben Sie frei, um diesen %n Schritt auszuführen; danach wird der Index erneut geprüft und Sie sehen das Ergebnis vorher und nachher.</numerusform>
            <numerusform>Bisher wurde nichts geändert. Geben Sie frei, um diese %n Schritte auszuführen; danach wird der Index erneut geprüft und Sie sehen das Ergebnis vorher und nachher.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/RepairDialog.cpp" line="56"/>
        <source>Nothing has been changed. The repair below cannot run now.</source>
        <translation>Es wurde nichts geändert. Die Reparatur unten kann jetzt nicht ausgeführt werden.</translation>
    </message>
    <message>
        <location filename="../ui/RepairDialog.cpp" line="57"/>
        <source>Nothing has been changed. The last report gives repair nothing to do.</source>
        <translation>Es wurde nichts geändert. Nach dem letzten Bericht gibt es nichts zu reparieren.</translation>
    </message>
    <message>
        <location filename="../ui/RepairDialog.cpp" line="59"/>
        <source>The index is closed in this window while you decide; Cancel opens it again.</source>
        <translation>Der Index ist in diesem Fenster geschlossen, solange Sie entscheiden; „Abbrechen“ öffnet ihn wieder.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/RepairDialog.cpp" line="75"/>
        <source>In all, %Ln item(s) will be set aside in quarantine/, with whatever of them could be read. Every other item stays in the index.</source>
        <translation>
            <numerusform>Insgesamt wird %Ln Eintrag in quarantine/ abgelegt, mit allem, was sich davon lesen ließ. Alle anderen Einträge bleiben im Index.</numerusform>
            <numerusform>Insgesamt werden %Ln Einträge in quarantine/ abgelegt, mit allem, was sich davon lesen ließ. Alle anderen Einträge bleiben im Index.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/RepairDialog.cpp" line="78"/>
        <source>No item will be set aside: every item readable now stays in the index.</source>
        <translation>Kein Eintrag wird abgelegt: Jeder jetzt lesbare Eintrag bleibt im Index.</translation>
    </message>
    <message>
        <location filename="../ui/RepairDialog.cpp" line="89"/>
        <source>&lt;b&gt;The repair cannot run:&lt;/b&gt;</source>
        <translation>&lt;b&gt;Die Reparatur kann nicht ausgeführt werden:&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../ui/RepairDialog.cpp" line="105"/>
        <source>Write a backup archive first</source>
        <translation>Zuerst ein Sicherungsarchiv schreiben</translation>
    </message>
    <message>
        <location filename="../ui/RepairDialog.cpp" line="109"/>
        <source>A .tar.zst archive of the whole index folder as it is now, written before anything changes.</source>
        <translation>Ein .tar.zst-Archiv des ganzen Indexordners im jetzigen Zustand, geschrieben, bevor sich etwas ändert.</translation>
    </message>
    <message>
        <location filename="../ui/RepairDialog.cpp" line="115"/>
        <source>Change…</source>
        <translation>Ändern …</translation>
    </message>
    <message>
        <location filename="../ui/RepairDialog.cpp" line="121"/>
        <source>Approve and Repair</source>
        <translation>Freigeben und reparieren</translation>
    </message>
    <message>
        <location filename="../ui/RepairDialog.cpp" line="137"/>
        <source>No steps.</source>
        <translation>Keine Schritte.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/RepairDialog.cpp" line="146"/>
        <source>%Ln item(s) set aside to quarantine/</source>
        <translation>
            <numerusform>%Ln Eintrag in quarantine/ abgelegt</numerusform>
            <numerusform>%Ln Einträge in quarantine/ abgelegt</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/RepairDialog.cpp" line="168"/>
        <source>Backup Archive</source>
        <translation>Sicherungsarchiv</translation>
    </message>
    <message>
        <location filename="../ui/RepairDialog.cpp" line="169"/>
        <source>Zstandard tar archives (*.tar.zst)</source>
        <translation>Zstandard-Tar-Archive (*.tar.zst)</translation>
    </message>
    <message>
        <location filename="../ui/RepairDialog.cpp" line="179"/>
        <source>The plan cannot run; see why above.</source>
        <translation>Der Plan kann nicht ausgeführt werden; der Grund steht oben.</translation>
    </message>
</context>
<context>
    <name>sextant::ui::RepairResultPanel</name>
    <message>
        <location filename="../ui/RepairResultPanel.cpp" line="30"/>
        <source>not counted</source>
        <translation>nicht gezählt</translation>
    </message>
    <message>
        <location filename="../ui/RepairResultPanel.cpp" line="49"/>
        <source>Open Index</source>
        <translation>Index öffnen</translation>
    </message>
    <message>
        <location filename="../ui/RepairResultPanel.cpp" line="51"/>
        <source>Open the repaired index in this tab.</source>
        <translation>Den reparierten Index in diesem Tab öffnen.</translation>
    </message>
    <message>
        <location filename="../ui/RepairResultPanel.cpp" line="54"/>
        <source>Dismiss</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <location filename="../ui/RepairResultPanel.cpp" line="69"/>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <location filename="../ui/RepairResultPanel.cpp" line="69"/>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <location filename="../ui/RepairResultPanel.cpp" line="74"/>
        <source>Problems:</source>
        <translation>Probleme:</translation>
    </message>
    <message>
        <location filename="../ui/RepairResultPanel.cpp" line="74"/>
        <source>Errors:</source>
        <translation>Fehler:</translation>
    </message>
    <message>
        <location filename="../ui/RepairResultPanel.cpp" line="74"/>
        <source>Warnings:</source>
        <translation>Warnungen:</translation>
    </message>
    <message>
        <location filename="../ui/RepairResultPanel.cpp" line="74"/>
        <source>Readable items:</source>
        <translation>Lesbare Einträge:</translation>
    </message>
    <message>
        <location filename="../ui/RepairResultPanel.cpp" line="100"/>
        <source>Repair log</source>
        <translation>Reparaturprotokoll</translation>
    </message>
    <message>
        <location filename="../ui/RepairResultPanel.cpp" line="134"/>
        <source>Repaired: the index verifies clean.</source>
        <translation>Repariert: Die Prüfung des Index ist fehlerfrei.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/RepairResultPanel.cpp" line="135"/>
        <source>Repaired, but %n problem(s) remain.</source>
        <translation>
            <numerusform>Repariert, aber %n Problem bleibt.</numerusform>
            <numerusform>Repariert, aber %n Probleme bleiben.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/RepairResultPanel.cpp" line="142"/>
        <source>Repaired, but %Ln item(s) readable before are neither in the index nor in quarantine/.</source>
        <translation>
            <numerusform>Repariert, aber %Ln vorher lesbarer Eintrag ist weder im Index noch in quarantine/.</numerusform>
            <numerusform>Repariert, aber %Ln vorher lesbare Einträge sind weder im Index noch in quarantine/.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/RepairResultPanel.cpp" line="144"/>
        <source>No backup archive was written.</source>
        <translation>Es wurde kein Sicherungsarchiv geschrieben.</translation>
    </message>
    <message>
        <location filename="../ui/RepairResultPanel.cpp" line="145"/>
        <source>The backup archive holds the index as it was before the repair.</source>
        <translation>Das Sicherungsarchiv enthält den Index im Zustand vor der Reparatur.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/RepairResultPanel.cpp" line="158"/>
        <source>%1 (%Ln set aside in quarantine/)</source>
        <translation>
            <numerusform>%1 (%Ln in quarantine/ abgelegt)</numerusform>
            <numerusform>%1 (%Ln in quarantine/ abgelegt)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/RepairResultPanel.cpp" line="162"/>
        <source>Backup: none (declined).</source>
        <translation>Sicherung: keine (abgelehnt).</translation>
    </message>
    <message>
        <location filename="../ui/RepairResultPanel.cpp" line="163"/>
        <source>Backup: %1</source>
        <translation>Sicherung: %1</translation>
    </message>
    <message>
        <location filename="../ui/RepairResultPanel.cpp" line="170"/>
        <source>Quarantine: nothing was set aside.</source>
        <translation>Quarantäne: Es wurde nichts abgelegt.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/RepairResultPanel.cpp" line="171"/>
        <source>Quarantine (%n file(s)): %1</source>
        <translation>
            <numerusform>Quarantäne (%n Datei): %1</numerusform>
            <numerusform>Quarantäne (%n Dateien): %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/RepairResultPanel.cpp" line="182"/>
        <source>The repair did not finish: %1</source>
        <translation>Die Reparatur wurde nicht abgeschlossen: %1</translation>
    </message>
    <message>
        <location filename="../ui/RepairResultPanel.cpp" line="183"/>
        <source>The findings below are a new verification of the folder as it is now.</source>
        <translation>Die Befunde unten stammen aus einer neuen Prüfung des Ordners in seinem jetzigen Zustand.</translation>
    </message>
</context>
<context>
    <name>sextant::ui::StartPage</name>
    <message>
        <location filename="../ui/StartPage.cpp" line="74"/>
        <source>Sextant</source>
        <translation>Sextant</translation>
    </message>
    <message>
        <location filename="../ui/StartPage.cpp" line="80"/>
        <source>Create, browse, query and repair local vector indexes.</source>
        <translation>Lokale Vektorindizes anlegen, durchsehen, abfragen und reparieren.</translation>
    </message>
    <message>
        <location filename="../ui/StartPage.cpp" line="88"/>
        <source>New Index…</source>
        <translation>Neuer Index …</translation>
    </message>
    <message>
        <location filename="../ui/StartPage.cpp" line="90"/>
        <source>Open Index…</source>
        <translation>Index öffnen …</translation>
    </message>
    <message>
        <location filename="../ui/StartPage.cpp" line="107"/>
        <source>New to Sextant?</source>
        <translation>Neu bei Sextant?</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/StartPage.cpp" line="114"/>
        <source>Make a demo index from %n short text(s) about navigation, astronomy, cooking, music and more, and try browsing, searching, the map and the integrity check on it. It takes a few seconds and stays in your data folder.</source>
        <translation>
            <numerusform>Legen Sie einen Demo-Index aus %n kurzen Text über Navigation, Astronomie, Kochen, Musik und mehr an, und probieren Sie daran das Durchsehen, die Suche, die Karte und die Integritätsprüfung aus. Das dauert wenige Sekunden; der Index bleibt in Ihrem Datenordner.</numerusform>
            <numerusform>Legen Sie einen Demo-Index aus %n kurzen Texten über Navigation, Astronomie, Kochen, Musik und mehr an, und probieren Sie daran das Durchsehen, die Suche, die Karte und die Integritätsprüfung aus. Das dauert wenige Sekunden; der Index bleibt in Ihrem Datenordner.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/StartPage.cpp" line="122"/>
        <location filename="../ui/StartPage.cpp" line="130"/>
        <location filename="../ui/StartPage.cpp" line="201"/>
        <source>Create a Demo Index</source>
        <translation>Demo-Index anlegen</translation>
    </message>
    <message>
        <location filename="../ui/StartPage.cpp" line="141"/>
        <source>Recent indexes</source>
        <translation>Zuletzt geöffnete Indizes</translation>
    </message>
    <message>
        <location filename="../ui/StartPage.cpp" line="153"/>
        <source>No recent indexes yet. Create one, open one, or drop an index folder or files to import here.</source>
        <translation>Noch keine zuletzt geöffneten Indizes. Legen Sie einen an, öffnen Sie einen, oder ziehen Sie einen Indexordner oder zu importierende Dateien hierher.</translation>
    </message>
    <message>
        <location filename="../ui/StartPage.cpp" line="159"/>
        <source>Tip: drop an index folder anywhere on this window to open it; an index another program is writing opens read-only. Drop documents (text, Markdown, HTML, PDF, zip or tar archives) or vector files (JSON Lines, CSV, .npy, .fvecs, a Vectra or LangChain folder) to make a new index from them.</source>
        <translation>Tipp: Ziehen Sie einen Indexordner an eine beliebige Stelle dieses Fensters, um ihn zu öffnen; ein Index, in den ein anderes Programm schreibt, wird schreibgeschützt geöffnet. Ziehen Sie Dokumente (Text, Markdown, HTML, PDF, Zip- oder Tar-Archive) oder Vektordateien (JSON Lines, CSV, .npy, .fvecs, ein Vectra- oder LangChain-Ordner) hierher, um daraus einen neuen Index anzulegen.</translation>
    </message>
    <message>
        <location filename="../ui/StartPage.cpp" line="187"/>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <location filename="../ui/StartPage.cpp" line="131"/>
        <location filename="../ui/StartPage.cpp" line="201"/>
        <source>Creating the Demo Index…</source>
        <translation>Demo-Index wird angelegt …</translation>
    </message>
    <message>
        <location filename="../ui/StartPage.cpp" line="209"/>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <location filename="../ui/StartPage.cpp" line="210"/>
        <source>Remove from This List</source>
        <translation>Aus dieser Liste entfernen</translation>
    </message>
</context>
<context>
    <name>sextant::ui::SummaryView</name>
    <message>
        <location filename="../ui/SummaryView.cpp" line="35"/>
        <source>cosine similarity</source>
        <translation>Kosinus-Ähnlichkeit</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="36"/>
        <source>Euclidean distance (L2)</source>
        <translation>euklidischer Abstand (L2)</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="37"/>
        <source>dot product</source>
        <translation>Skalarprodukt</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="45"/>
        <source>full</source>
        <translation>vollständig</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="46"/>
        <source>normal</source>
        <translation>normal</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="47"/>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="55"/>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="56"/>
        <source>number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="57"/>
        <source>yes/no</source>
        <translation>Ja/Nein</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="58"/>
        <source>list of texts</source>
        <translation>Liste von Texten</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="121"/>
        <source>Index</source>
        <translation>Index</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="122"/>
        <source>Dimensions:</source>
        <translation>Dimensionen:</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="123"/>
        <source>Metric:</source>
        <translation>Metrik:</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="124"/>
        <source>Metadata fields:</source>
        <translation>Metadatenfelder:</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="125"/>
        <source>Durability:</source>
        <translation>Dauerhaftigkeit:</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="126"/>
        <source>Created:</source>
        <translation>Angelegt:</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="127"/>
        <source>Access:</source>
        <translation>Zugriff:</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="130"/>
        <source>Contents</source>
        <translation>Inhalt</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="131"/>
        <source>Items:</source>
        <translation>Einträge:</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="132"/>
        <source>Segments:</source>
        <translation>Segmente:</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="133"/>
        <source>Not yet checkpointed:</source>
        <translation>Noch nicht im Checkpoint:</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="134"/>
        <source>Size on disk:</source>
        <translation>Größe auf der Festplatte:</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="135"/>
        <source>Write-ahead log:</source>
        <translation>Transaktionsprotokoll:</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="136"/>
        <source>Last checkpoint:</source>
        <translation>Letzter Checkpoint:</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="137"/>
        <source>Write queue:</source>
        <translation>Schreibwarteschlange:</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="139"/>
        <source>Checkpoint</source>
        <translation>Checkpoint</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="140"/>
        <source>Fold the write-ahead log into segments now.</source>
        <translation>Das Transaktionsprotokoll jetzt in die Segmente übernehmen.</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="141"/>
        <source>Compact</source>
        <translation>Verdichten</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="142"/>
        <source>Rewrite all segments into one, dropping deleted rows.</source>
        <translation>Alle Segmente in eines umschreiben und gelöschte Zeilen dabei entfernen.</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="149"/>
        <source>Search graph (HNSW)</source>
        <translation>Suchgraph (HNSW)</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="150"/>
        <source>State:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="151"/>
        <source>Items in graph:</source>
        <translation>Einträge im Graphen:</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="152"/>
        <source>Parameters:</source>
        <translation>Parameter:</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="153"/>
        <source>Memory:</source>
        <translation>Speicher:</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="154"/>
        <source>Search ef:</source>
        <translation>Such-ef:</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="156"/>
        <source>Estimated recall@10:</source>
        <translation>Geschätzte Trefferquote@10:</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="157"/>
        <source>Estimate Recall</source>
        <translation>Trefferquote schätzen</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="158"/>
        <source>Compare approximate with exact search on sampled items.</source>
        <translation>Näherungssuche und exakte Suche an Stichproben-Einträgen vergleichen.</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="167"/>
        <source>Health</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="168"/>
        <source>Last verification:</source>
        <translation>Letzte Prüfung:</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="170"/>
        <source>Verify</source>
        <translation>Prüfen</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="171"/>
        <source>Check every log frame and data block against its checksum.</source>
        <translation>Jeden Protokollrahmen und jeden Datenblock anhand seiner Prüfsumme prüfen.</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="172"/>
        <source>Full Verify</source>
        <translation>Vollständig prüfen</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="173"/>
        <source>Also check the size and SHA-256 of every file.</source>
        <translation>Außerdem Größe und SHA-256 jeder Datei prüfen.</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="224"/>
        <source>not available</source>
        <translation>nicht verfügbar</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="231"/>
        <source>%1 per approximate query, %2 per exact query</source>
        <translation>%1 pro Näherungsabfrage, %2 pro exakter Abfrage</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="242"/>
        <source>%1 (%2, required)</source>
        <translation>%1 (%2, Pflicht)</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="242"/>
        <location filename="../ui/SummaryView.cpp" line="287"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="243"/>
        <source>none declared</source>
        <translation>keine deklariert</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="244"/>
        <location filename="../ui/SummaryView.cpp" line="487"/>
        <source>not estimated yet</source>
        <translation>noch nicht geschätzt</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="249"/>
        <location filename="../ui/SummaryView.cpp" line="435"/>
        <source>The index is open read-only.</source>
        <translation>Der Index ist schreibgeschützt geöffnet.</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="270"/>
        <source>reading…</source>
        <translation>wird gelesen …</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="278"/>
        <source>Read-only: %1 writes this index.</source>
        <translation>Schreibgeschützt: %1 schreibt in diesen Index.</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="278"/>
        <source>Read-only.</source>
        <translation>Schreibgeschützt.</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="280"/>
        <source>Open for writing by this window.</source>
        <translation>Von diesem Fenster zum Schreiben geöffnet.</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="290"/>
        <source>%1 (%2, %3)</source>
        <translation>%1 (%2, %3)</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="424"/>
        <source>Convert Graph to Float Vectors…</source>
        <translation>Graph in Float-Vektoren umwandeln …</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="425"/>
        <source>Convert Graph to 8-bit Codes…</source>
        <translation>Graph in 8-Bit-Codes umwandeln …</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="437"/>
        <source>The graph is being converted.</source>
        <translation>Der Graph wird gerade umgewandelt.</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="441"/>
        <source>Keep float copies of the vectors in the graph: about three times the memory.</source>
        <translation>Float-Kopien der Vektoren im Graphen halten: etwa dreimal so viel Speicher.</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="442"/>
        <source>Keep 8-bit codes in the graph instead of float copies: about a third of the memory.</source>
        <translation>8-Bit-Codes statt Float-Kopien im Graphen halten: etwa ein Drittel des Speichers.</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="460"/>
        <source>Convert Graph to 8-bit Codes</source>
        <translation>Graph in 8-Bit-Codes umwandeln</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="460"/>
        <source>Convert Graph to Float Vectors</source>
        <translation>Graph in Float-Vektoren umwandeln</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="463"/>
        <source>Convert the search graph of %1 to 8-bit codes?</source>
        <translation>Den Suchgraphen von %1 in 8-Bit-Codes umwandeln?</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="464"/>
        <source>Convert the search graph of %1 to float vectors?</source>
        <translation>Den Suchgraphen von %1 in Float-Vektoren umwandeln?</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="467"/>
        <source>The graph is rebuilt from the vectors in the background. Until it is ready, queries scan every item exactly: the same results, more slowly. Items, ids and metadata do not change.</source>
        <translation>Der Graph wird im Hintergrund aus den Vektoren neu aufgebaut. Bis er fertig ist, durchsuchen Abfragen jeden Eintrag exakt: dieselben Ergebnisse, nur langsamer. Einträge, IDs und Metadaten ändern sich nicht.</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="470"/>
        <source>Graph memory per item: %1 now, %2 after (the whole graph: %3 now, about %4 after).</source>
        <translation>Graph-Speicher pro Eintrag: jetzt %1, danach %2 (der ganze Graph: jetzt %3, danach etwa %4).</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="472"/>
        <source>Convert</source>
        <translation>Umwandeln</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="480"/>
        <source>Converting the graph of %1</source>
        <translation>Umwandlung des Graphen von %1</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="484"/>
        <source>Converting the graph failed</source>
        <translation>Umwandlung des Graphen fehlgeschlagen</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/SummaryView.cpp" line="288"/>
        <location filename="../ui/SummaryView.cpp" line="292"/>
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln Zeile</numerusform>
            <numerusform>%Ln Zeilen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/SummaryView.cpp" line="228"/>
        <source>%1 % (%Ln sampled queries, ef %2)</source>
        <translation>
            <numerusform>%1 % (%Ln Stichprobenabfrage, ef %2)</numerusform>
            <numerusform>%1 % (%Ln Stichprobenabfragen, ef %2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/SummaryView.cpp" line="293"/>
        <source>%Ln deleted row(s) that compaction drops</source>
        <translation>
            <numerusform>%Ln gelöschte Zeile, die das Verdichten entfernt</numerusform>
            <numerusform>%Ln gelöschte Zeilen, die das Verdichten entfernt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/SummaryView.cpp" line="295"/>
        <source>%Ln change(s)</source>
        <translation>
            <numerusform>%Ln Änderung</numerusform>
            <numerusform>%Ln Änderungen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="299"/>
        <source>Log sequence number %1 of %2</source>
        <translation>Protokollsequenznummer %1 von %2</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="284"/>
        <source>none yet: the items are in the log until the first checkpoint</source>
        <translation>noch keine: Die Einträge stehen bis zum ersten Checkpoint im Protokoll</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="301"/>
        <source>idle</source>
        <translation>leer</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/SummaryView.cpp" line="302"/>
        <source>%Ln write(s) queued</source>
        <translation>
            <numerusform>%Ln Schreibvorgang wartet</numerusform>
            <numerusform>%Ln Schreibvorgänge warten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="307"/>
        <source>off: every query scans exactly</source>
        <translation>aus: Jede Abfrage durchsucht exakt</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="308"/>
        <source>loading</source>
        <translation>wird geladen</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="309"/>
        <source>building</source>
        <translation>wird aufgebaut</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="310"/>
        <source>ready</source>
        <translation>bereit</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="311"/>
        <source>failed: queries scan exactly</source>
        <translation>fehlgeschlagen: Abfragen durchsuchen exakt</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="313"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/SummaryView.cpp" line="321"/>
        <source>%1 (%Ln change(s) pending, searched exactly meanwhile)</source>
        <translation>
            <numerusform>%1 (%Ln Änderung ausstehend, bis dahin exakt durchsucht)</numerusform>
            <numerusform>%1 (%Ln Änderungen ausstehend, bis dahin exakt durchsucht)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="332"/>
        <source>not saved yet</source>
        <translation>noch nicht gespeichert</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="332"/>
        <source>saved as %1</source>
        <translation>gespeichert als %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/SummaryView.cpp" line="315"/>
        <source>%1; rebuilding it in the background (%2): %3 of %Ln item(s)</source>
        <translation>
            <numerusform>%1; wird im Hintergrund neu aufgebaut (%2): %3 von %Ln Eintrag</numerusform>
            <numerusform>%1; wird im Hintergrund neu aufgebaut (%2): %3 von %Ln Einträgen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/SummaryView.cpp" line="319"/>
        <source>%1; rebuilt in the background %Ln time(s) since opened</source>
        <translation>
            <numerusform>%1; seit dem Öffnen %Ln-mal im Hintergrund neu aufgebaut</numerusform>
            <numerusform>%1; seit dem Öffnen %Ln-mal im Hintergrund neu aufgebaut</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="364"/>
        <source>Never verified on this computer.</source>
        <translation>Auf diesem Rechner nie geprüft.</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="367"/>
        <source>Full verification</source>
        <translation>Vollständige Prüfung</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="367"/>
        <source>Quick verification</source>
        <translation>Schnelle Prüfung</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="368"/>
        <source>%1 on %2: %3</source>
        <translation>%1 am %2: %3</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="335"/>
        <source>measuring the ef that reaches the target recall@10 of %1 %…</source>
        <translation>misst das ef, das die Ziel-Trefferquote@10 von %1 % erreicht …</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="326"/>
        <source>M %1, ef construction %2, ef search %3; %4</source>
        <translation>M %1, ef construction %2, ef search %3; %4</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="330"/>
        <source>8-bit codes, reranked exactly</source>
        <translation>8-Bit-Codes, exakt nachbewertet</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="330"/>
        <source>float vectors</source>
        <translation>Float-Vektoren</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="339"/>
        <source>%1: reaches the target recall@10 of %2 % (%3 % measured)</source>
        <translation>%1: erreicht die Ziel-Trefferquote@10 von %2 % (%3 % gemessen)</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="342"/>
        <source>%1: the best measured, %3 %, is below the target recall@10 of %2 %</source>
        <translation>%1: das beste gemessene, %3 %, liegt unter der Ziel-Trefferquote@10 von %2 %</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/SummaryView.cpp" line="345"/>
        <source>Measured on sampled items when the index held %Ln item(s); measured again as it changes.</source>
        <translation>
            <numerusform>Gemessen an Stichproben, als der Index %Ln Eintrag enthielt; wird neu gemessen, wenn er sich ändert.</numerusform>
            <numerusform>Gemessen an Stichproben, als der Index %Ln Einträge enthielt; wird neu gemessen, wenn er sich ändert.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="381"/>
        <source>Full verification running…</source>
        <translation>Vollständige Prüfung läuft …</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="381"/>
        <source>Verification running…</source>
        <translation>Prüfung läuft …</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="382"/>
        <source>Full verification of %1</source>
        <translation>Vollständige Prüfung von %1</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="383"/>
        <source>Verification of %1</source>
        <translation>Prüfung von %1</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="350"/>
        <source>%1, until the ef that reaches the target recall@10 of %2 % is measured</source>
        <translation>%1, bis das ef gemessen ist, das die Ziel-Trefferquote@10 von %2 % erreicht</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="392"/>
        <source>estimating…</source>
        <translation>wird geschätzt …</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="395"/>
        <source>Estimating recall of %1</source>
        <translation>Trefferquote von %1 wird geschätzt</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="400"/>
        <source>Checkpoint of %1</source>
        <translation>Checkpoint von %1</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="401"/>
        <source>Checkpoint failed</source>
        <translation>Checkpoint fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="406"/>
        <source>Compaction of %1</source>
        <translation>Verdichtung von %1</translation>
    </message>
    <message>
        <location filename="../ui/SummaryView.cpp" line="407"/>
        <source>Compaction failed</source>
        <translation>Verdichtung fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>sextant::ui::TaskMonitor</name>
    <message>
        <location filename="../ui/TaskMonitor.cpp" line="26"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../ui/TaskMonitor.cpp" line="27"/>
        <source>Cancel this task</source>
        <translation>Diese Aufgabe abbrechen</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/TaskMonitor.cpp" line="87"/>
        <source>%1 (and %n more)</source>
        <translation>
            <numerusform>%1 (und %n weitere)</numerusform>
            <numerusform>%1 (und %n weitere)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/TaskMonitor.cpp" line="88"/>
        <source>Cancelling: %1</source>
        <translation>Wird abgebrochen: %1</translation>
    </message>
</context>
<context>
    <name>sextant::ui::TextResultsModel</name>
    <message>
        <location filename="../ui/TextResultsModel.cpp" line="196"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <location filename="../ui/TextResultsModel.cpp" line="199"/>
        <source>Item %1</source>
        <translation>Eintrag %1</translation>
    </message>
    <message>
        <location filename="../ui/TextResultsModel.cpp" line="199"/>
        <source>%1
Item %2</source>
        <translation>%1
Eintrag %2</translation>
    </message>
    <message>
        <location filename="../ui/TextResultsModel.cpp" line="203"/>
        <source>%1–%2</source>
        <translation>%1–%2</translation>
    </message>
    <message>
        <location filename="../ui/TextResultsModel.cpp" line="205"/>
        <source>Characters %1 to %2 of the document&apos;s text</source>
        <translation>Zeichen %1 bis %2 des Dokumenttexts</translation>
    </message>
    <message>
        <location filename="../ui/TextResultsModel.cpp" line="220"/>
        <source>Reciprocal-rank fusion of the two rankings (1 / (60 + rank) each)</source>
        <translation>Reziproke Rangfusion der beiden Rangfolgen (je 1 / (60 + Rang))</translation>
    </message>
    <message>
        <location filename="../ui/TextResultsModel.cpp" line="222"/>
        <source>Similarity of the passage&apos;s vector to the query&apos;s</source>
        <translation>Ähnlichkeit des Vektors der Textstelle zu dem der Abfrage</translation>
    </message>
    <message>
        <location filename="../ui/TextResultsModel.cpp" line="223"/>
        <source>BM25 score of the passage for the query&apos;s words</source>
        <translation>BM25-Wertung der Textstelle für die Wörter der Abfrage</translation>
    </message>
    <message>
        <location filename="../ui/TextResultsModel.cpp" line="235"/>
        <source>vector #%1</source>
        <translation>Vektor #%1</translation>
    </message>
    <message>
        <location filename="../ui/TextResultsModel.cpp" line="235"/>
        <source>vector –</source>
        <translation>Vektor –</translation>
    </message>
    <message>
        <location filename="../ui/TextResultsModel.cpp" line="236"/>
        <source>keyword #%1</source>
        <translation>Stichwort #%1</translation>
    </message>
    <message>
        <location filename="../ui/TextResultsModel.cpp" line="236"/>
        <source>keyword –</source>
        <translation>Stichwort –</translation>
    </message>
    <message>
        <location filename="../ui/TextResultsModel.cpp" line="242"/>
        <source>Meaning: #%1, similarity %2</source>
        <translation>Bedeutung: #%1, Ähnlichkeit %2</translation>
    </message>
    <message>
        <location filename="../ui/TextResultsModel.cpp" line="243"/>
        <source>Meaning: not among the candidates</source>
        <translation>Bedeutung: nicht unter den Kandidaten</translation>
    </message>
    <message>
        <location filename="../ui/TextResultsModel.cpp" line="244"/>
        <source>Keywords: #%1, BM25 %2</source>
        <translation>Stichwörter: #%1, BM25 %2</translation>
    </message>
    <message>
        <location filename="../ui/TextResultsModel.cpp" line="247"/>
        <source>Keywords: not among the candidates</source>
        <translation>Stichwörter: nicht unter den Kandidaten</translation>
    </message>
    <message>
        <location filename="../ui/TextResultsModel.cpp" line="260"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../ui/TextResultsModel.cpp" line="261"/>
        <source>Passage</source>
        <translation>Textstelle</translation>
    </message>
    <message>
        <location filename="../ui/TextResultsModel.cpp" line="262"/>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <location filename="../ui/TextResultsModel.cpp" line="263"/>
        <source>Range</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <location filename="../ui/TextResultsModel.cpp" line="264"/>
        <source>Score</source>
        <translation>Wertung</translation>
    </message>
    <message>
        <location filename="../ui/TextResultsModel.cpp" line="265"/>
        <source>Ranks</source>
        <translation>Ränge</translation>
    </message>
    <message>
        <location filename="../ui/TextResultsModel.cpp" line="214"/>
        <source>%1 (%2 %)</source>
        <translation>%1 (%2 %)</translation>
    </message>
    <message>
        <location filename="../ui/TextResultsModel.cpp" line="226"/>
        <source>%1 % of the best hit&apos;s score; hits under %2 % are dimmed.</source>
        <translation>%1 % des Werts des besten Treffers; Treffer unter %2 % sind abgeblendet.</translation>
    </message>
</context>
<context>
    <name>sextant::ui::UmapTask</name>
    <message>
        <location filename="../ui/UmapTask.cpp" line="24"/>
        <source>UMAP: waiting for the neighbour graph</source>
        <translation>UMAP: Warten auf den Nachbarschaftsgraphen</translation>
    </message>
    <message>
        <location filename="../ui/UmapTask.cpp" line="26"/>
        <source>UMAP: neighbours from the graph</source>
        <translation>UMAP: Nachbarn aus dem Suchgraphen</translation>
    </message>
    <message>
        <location filename="../ui/UmapTask.cpp" line="27"/>
        <source>UMAP: reading vectors</source>
        <translation>UMAP: Vektoren werden gelesen</translation>
    </message>
    <message>
        <location filename="../ui/UmapTask.cpp" line="29"/>
        <source>UMAP: optimising the layout (epoch %1 of %2)</source>
        <translation>UMAP: Layout wird optimiert (Epoche %1 von %2)</translation>
    </message>
    <message>
        <location filename="../ui/UmapTask.cpp" line="32"/>
        <source>UMAP: building the fuzzy graph</source>
        <translation>UMAP: unscharfer Graph wird aufgebaut</translation>
    </message>
</context>
</TS>
