<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ExportTask</name>
    <message numerus="yes">
        <location filename="../ui/ExportTask.cpp" line="90"/>
        <source>%n file(s) of the index folder, %1 before compression.</source>
        <translation>
            <numerusform>%n file of the index folder, %1 before compression.</numerusform>
            <numerusform>%n files of the index folder, %1 before compression.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ExportTask.cpp" line="139"/>
        <source>Exported %n item(s) (%1) to %2.</source>
        <translation>
            <numerusform>Exported %n item (%1) to %2.</numerusform>
            <numerusform>Exported %n items (%1) to %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportTask</name>
    <message numerus="yes">
        <location filename="../ui/ImportTask.cpp" line="196"/>
        <source>%n added</source>
        <translation>
            <numerusform>%n added</numerusform>
            <numerusform>%n added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportTask.cpp" line="197"/>
        <source>%n replaced</source>
        <translation>
            <numerusform>%n replaced</numerusform>
            <numerusform>%n replaced</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportTask.cpp" line="198"/>
        <source>%n unchanged</source>
        <translation>
            <numerusform>%n unchanged</numerusform>
            <numerusform>%n unchanged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportTask.cpp" line="199"/>
        <source>%n added in part</source>
        <translation>
            <numerusform>%n added in part</numerusform>
            <numerusform>%n added in part</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportTask.cpp" line="200"/>
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportTask.cpp" line="203"/>
        <source>%n file(s): %1.</source>
        <translation>
            <numerusform>%n file: %1.</numerusform>
            <numerusform>%n files: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportTask.cpp" line="205"/>
        <source>%n item(s) written in %1.</source>
        <translation>
            <numerusform>%n item written in %1.</numerusform>
            <numerusform>%n items written in %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportTask.cpp" line="208"/>
        <source>%n file(s) in folders or archives were no documents and were skipped.</source>
        <translation>
            <numerusform>%n file in folders or archives was no document and was skipped.</numerusform>
            <numerusform>%n files in folders or archives were no documents and were skipped.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportTask.cpp" line="327"/>
        <source>Stopped after %n item(s): %1</source>
        <translation>
            <numerusform>Stopped after %n item: %1</numerusform>
            <numerusform>Stopped after %n items: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportTask.cpp" line="333"/>
        <source>%n item(s) left out</source>
        <translation>
            <numerusform>%n item left out</numerusform>
            <numerusform>%n items left out</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportTask.cpp" line="338"/>
        <source>Cancelled after %n item(s).</source>
        <translation>
            <numerusform>Cancelled after %n item.</numerusform>
            <numerusform>Cancelled after %n items.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>main</name>
    <message numerus="yes">
        <location filename="../app/gui/main.cpp" line="63"/>
        <source>Made the demo index in %1: %n document(s), %2 chunks, in %3 s.</source>
        <translation>
            <numerusform>Made the demo index in %1: %n document, %2 chunks, in %3 s.</numerusform>
            <numerusform>Made the demo index in %1: %n documents, %2 chunks, in %3 s.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sextant::ui::BrowseView</name>
    <message numerus="yes">
        <location filename="../ui/BrowseView.cpp" line="475"/>
        <source>%1 of %Ln item(s)</source>
        <translation>
            <numerusform>%1 of %Ln item</numerusform>
            <numerusform>%1 of %Ln items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/BrowseView.cpp" line="476"/>
        <source>%Ln item(s) match</source>
        <translation>
            <numerusform>%Ln item matches</numerusform>
            <numerusform>%Ln items match</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/BrowseView.cpp" line="478"/>
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln item</numerusform>
            <numerusform>%Ln items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/BrowseView.cpp" line="583"/>
        <source>Copy Id(s)</source>
        <translation>
            <numerusform>Copy Id</numerusform>
            <numerusform>Copy Ids</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/BrowseView.cpp" line="586"/>
        <source>Copy Vector(s)</source>
        <translation>
            <numerusform>Copy Vector</numerusform>
            <numerusform>Copy Vectors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/BrowseView.cpp" line="593"/>
        <source>Delete %n Item(s)</source>
        <translation>
            <numerusform>Delete %n Item</numerusform>
            <numerusform>Delete %n Items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sextant::ui::CompareDialog</name>
    <message numerus="yes">
        <location filename="../ui/CompareDialog.cpp" line="60"/>
        <source>a vector of %n dimension(s)</source>
        <translation>
            <numerusform>a vector of %n dimension</numerusform>
            <numerusform>a vector of %n dimensions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/CompareDialog.cpp" line="347"/>
        <source>Mean overlap@%1: %2 over %Ln query(s); mean rank correlation of the shared hits: %3.</source>
        <translation>
            <numerusform>Mean overlap@%1: %2 over %Ln query; mean rank correlation of the shared hits: %3.</numerusform>
            <numerusform>Mean overlap@%1: %2 over %Ln queries; mean rank correlation of the shared hits: %3.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/CompareDialog.cpp" line="354"/>
        <source>%Ln sampled item(s) are not in the other index and were left out.</source>
        <translation>
            <numerusform>%Ln sampled item is not in the other index and was left out.</numerusform>
            <numerusform>%Ln sampled items are not in the other index and were left out.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sextant::ui::DuplicatesModel</name>
    <message numerus="yes">
        <location filename="../ui/DuplicatesModel.cpp" line="176"/>
        <source>Group %1: %Ln item(s)</source>
        <translation>
            <numerusform>Group %1: %Ln item</numerusform>
            <numerusform>Group %1: %Ln items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sextant::ui::DuplicatesView</name>
    <message numerus="yes">
        <location filename="../ui/DuplicatesView.cpp" line="274"/>
        <source>Delete %Ln Checked</source>
        <translation>
            <numerusform>Delete %Ln Checked</numerusform>
            <numerusform>Delete %Ln Checked</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/DuplicatesView.cpp" line="324"/>
        <source>%Ln item(s) searched</source>
        <translation>
            <numerusform>%Ln item searched</numerusform>
            <numerusform>%Ln items searched</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/DuplicatesView.cpp" line="326"/>
        <source>%Ln group(s) of near-duplicates, %1 items in all; %2.</source>
        <translation>
            <numerusform>%Ln group of near-duplicates, %1 items in all; %2.</numerusform>
            <numerusform>%Ln groups of near-duplicates, %1 items in all; %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/DuplicatesView.cpp" line="371"/>
        <source>Deleted %Ln item(s) as one batch; Edit ▸ Undo puts them back.</source>
        <translation>
            <numerusform>Deleted %Ln item as one batch; Edit ▸ Undo puts it back.</numerusform>
            <numerusform>Deleted %Ln items as one batch; Edit ▸ Undo puts them back.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sextant::ui::FindingsModel</name>
    <message numerus="yes">
        <location filename="../ui/FindingsModel.cpp" line="109"/>
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n finding</numerusform>
            <numerusform>%n findings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sextant::ui::HealthMap</name>
    <message numerus="yes">
        <location filename="../ui/HealthMap.cpp" line="374"/>
        <source>one cell: %Ln block(s) of %1</source>
        <translation>
            <numerusform>one cell: %Ln block of %1</numerusform>
            <numerusform>one cell: %Ln blocks of %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sextant::ui::ImportDialog</name>
    <message numerus="yes">
        <location filename="../ui/ImportDialog.cpp" line="317"/>
        <source>%n dimension(s), %1</source>
        <translation>
            <numerusform>%n dimension, %1</numerusform>
            <numerusform>%n dimensions, %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportDialog.cpp" line="363"/>
        <source>%n folder(s) hold a Sextant index; they are not imported.</source>
        <translation>
            <numerusform>%n folder holds a Sextant index; it is not imported.</numerusform>
            <numerusform>%n folders hold a Sextant index; they are not imported.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportDialog.cpp" line="369"/>
        <source>%n path(s) cannot be imported and will be listed as failed.</source>
        <translation>
            <numerusform>%n path cannot be imported and will be listed as failed.</numerusform>
            <numerusform>%n paths cannot be imported and will be listed as failed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportDialog.cpp" line="451"/>
        <source>%n item(s) written</source>
        <translation>
            <numerusform>%n item written</numerusform>
            <numerusform>%n items written</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportDialog.cpp" line="469"/>
        <source>%1 read  ·  %n item(s) written</source>
        <translation>
            <numerusform>%1 read  ·  %n item written</numerusform>
            <numerusform>%1 read  ·  %n items written</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sextant::ui::ImportReportModel</name>
    <message numerus="yes">
        <location filename="../ui/ImportReportModel.cpp" line="101"/>
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/ImportReportModel.cpp" line="102"/>
        <source>%n chunk(s)</source>
        <translation>
            <numerusform>%n chunk</numerusform>
            <numerusform>%n chunks</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sextant::ui::IndexSession</name>
    <message numerus="yes">
        <location filename="../ui/IndexSession.cpp" line="346"/>
        <source>%n problem(s) found.</source>
        <translation>
            <numerusform>%n problem found.</numerusform>
            <numerusform>%n problems found.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sextant::ui::IntegrityView</name>
    <message numerus="yes">
        <location filename="../ui/IntegrityView.cpp" line="287"/>
        <source>%1 in %Ln file(s) checked in %2</source>
        <translation>
            <numerusform>%1 in %Ln file checked in %2</numerusform>
            <numerusform>%1 in %Ln files checked in %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/IntegrityView.cpp" line="295"/>
        <source>No problems (%n note(s)).</source>
        <translation>
            <numerusform>No problems (%n note).</numerusform>
            <numerusform>No problems (%n notes).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/IntegrityView.cpp" line="298"/>
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/IntegrityView.cpp" line="299"/>
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/IntegrityView.cpp" line="300"/>
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/IntegrityView.cpp" line="301"/>
        <source>%n problem(s): %1.</source>
        <translation>
            <numerusform>%n problem: %1.</numerusform>
            <numerusform>%n problems: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/IntegrityView.cpp" line="305"/>
        <source>%Ln readable item(s).</source>
        <translation>
            <numerusform>%Ln readable item.</numerusform>
            <numerusform>%Ln readable items.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sextant::ui::ItemCommands</name>
    <message numerus="yes">
        <location filename="../ui/ItemCommands.cpp" line="38"/>
        <source>Delete %n item(s)</source>
        <translation>
            <numerusform>Delete %n item</numerusform>
            <numerusform>Delete %n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sextant::ui::ItemTableModel</name>
    <message numerus="yes">
        <location filename="../ui/ItemTableModel.cpp" line="533"/>
        <source>The vector&apos;s %Ln value(s), averaged into the sparkline</source>
        <translation>
            <numerusform>The vector&apos;s %Ln value, averaged into the sparkline</numerusform>
            <numerusform>The vector&apos;s %Ln values, averaged into the sparkline</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sextant::ui::JsonTreeModel</name>
    <message numerus="yes">
        <location filename="../ui/JsonTreeModel.cpp" line="89"/>
        <source>%n element(s)</source>
        <translation>
            <numerusform>%n element</numerusform>
            <numerusform>%n elements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/JsonTreeModel.cpp" line="90"/>
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sextant::ui::MainWindow</name>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="420"/>
        <source>Made the demo index from %n document(s) in %1 s.</source>
        <translation>
            <numerusform>Made the demo index from %n document in %1 s.</numerusform>
            <numerusform>Made the demo index from %n documents in %1 s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="549"/>
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln item</numerusform>
            <numerusform>%Ln items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="553"/>
        <source>writes: %Ln queued</source>
        <translation>
            <numerusform>writes: %Ln queued</numerusform>
            <numerusform>writes: %Ln queued</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="770"/>
        <source>Looking at %n dropped item(s)…</source>
        <translation>
            <numerusform>Looking at %n dropped item…</numerusform>
            <numerusform>Looking at %n dropped items…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MainWindow.cpp" line="931"/>
        <source>Restored %n file(s) (%1) into %2.</source>
        <translation>
            <numerusform>Restored %n file (%1) into %2.</numerusform>
            <numerusform>Restored %n files (%1) into %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sextant::ui::MapView</name>
    <message numerus="yes">
        <location filename="../ui/MapView.cpp" line="394"/>
        <source>PCA of all %Ln item(s)</source>
        <translation>
            <numerusform>PCA of %Ln item</numerusform>
            <numerusform>PCA of all %Ln items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MapView.cpp" line="395"/>
        <source>PCA of %1 of %Ln item(s), seed %2</source>
        <translation>
            <numerusform>PCA of %1 of %Ln item, seed %2</numerusform>
            <numerusform>PCA of %1 of %Ln items, seed %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MapView.cpp" line="405"/>
        <source>; sample capped at %Ln item(s) for %1 dimensions</source>
        <translation>
            <numerusform>; sample capped at %Ln item for %1 dimensions</numerusform>
            <numerusform>; sample capped at %Ln items for %1 dimensions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MapView.cpp" line="382"/>
        <source>UMAP of all %Ln item(s)</source>
        <translation>
            <numerusform>UMAP of %Ln item</numerusform>
            <numerusform>UMAP of all %Ln items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/MapView.cpp" line="383"/>
        <source>UMAP of %1 of %Ln item(s), seed %2</source>
        <translation>
            <numerusform>UMAP of %1 of %Ln item, seed %2</numerusform>
            <numerusform>UMAP of %1 of %Ln items, seed %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sextant::ui::QueryView</name>
    <message numerus="yes">
        <location filename="../ui/QueryView.cpp" line="116"/>
        <source>A vector of %n numbers as JSON, e.g. [0.12, -0.5, ...]</source>
        <translation>
            <numerusform>A vector of %n number as JSON, e.g. [0.12, -0.5, ...]</numerusform>
            <numerusform>A vector of %n numbers as JSON, e.g. [0.12, -0.5, ...]</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/QueryView.cpp" line="572"/>
        <source>Enter a vector of %n numbers.</source>
        <translation>
            <numerusform>Enter a vector of %n number.</numerusform>
            <numerusform>Enter a vector of %n numbers.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/QueryView.cpp" line="601"/>
        <source>The vector has %n number(s); this index holds vectors of %1 dimensions.</source>
        <translation>
            <numerusform>The vector has %n number; this index holds vectors of %1 dimensions.</numerusform>
            <numerusform>The vector has %n numbers; this index holds vectors of %1 dimensions.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/QueryView.cpp" line="868"/>
        <location filename="../ui/QueryView.cpp" line="896"/>
        <source>%n hit(s) in %1</source>
        <translation>
            <numerusform>%n hit in %1</numerusform>
            <numerusform>%n hits in %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/QueryView.cpp" line="874"/>
        <source>%n within half of the best score</source>
        <translation>
            <numerusform>%n within half of the best score</numerusform>
            <numerusform>%n within half of the best score</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/QueryView.cpp" line="877"/>
        <source>%n hidden below the minimum score</source>
        <translation>
            <numerusform>%n hidden below the minimum score</numerusform>
            <numerusform>%n hidden below the minimum score</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/QueryView.cpp" line="879"/>
        <source>%n passage(s) in the keyword index</source>
        <translation>
            <numerusform>%n passage in the keyword index</numerusform>
            <numerusform>%n passages in the keyword index</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/QueryView.cpp" line="899"/>
        <source>%Ln item(s) of %1 match the filter</source>
        <translation>
            <numerusform>%Ln item of %1 matches the filter</numerusform>
            <numerusform>%Ln items of %1 match the filter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/QueryView.cpp" line="902"/>
        <source>%Ln item(s)</source>
        <translation>
            <numerusform>%Ln item</numerusform>
            <numerusform>%Ln items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sextant::ui::RepairDialog</name>
    <message numerus="yes">
        <location filename="../ui/RepairDialog.cpp" line="53"/>
        <source>Nothing has been changed yet. Approve to carry out these %n step(s); afterwards the index is verified again and you see the result before and after.</source>
        <translation>
            <numerusform>Nothing has been changed yet. Approve to carry out this step; afterwards the index is verified again and you see the result before and after.</numerusform>
            <numerusform>Nothing has been changed yet. Approve to carry out these %n steps; afterwards the index is verified again and you see the result before and after.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/RepairDialog.cpp" line="75"/>
        <source>In all, %Ln item(s) will be set aside in quarantine/, with whatever of them could be read. Every other item stays in the index.</source>
        <translation>
            <numerusform>In all, %Ln item will be set aside in quarantine/, with whatever of it could be read. Every other item stays in the index.</numerusform>
            <numerusform>In all, %Ln items will be set aside in quarantine/, with whatever of them could be read. Every other item stays in the index.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/RepairDialog.cpp" line="146"/>
        <source>%Ln item(s) set aside to quarantine/</source>
        <translation>
            <numerusform>%Ln item set aside to quarantine/</numerusform>
            <numerusform>%Ln items set aside to quarantine/</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sextant::ui::RepairResultPanel</name>
    <message numerus="yes">
        <location filename="../ui/RepairResultPanel.cpp" line="135"/>
        <source>Repaired, but %n problem(s) remain.</source>
        <translation>
            <numerusform>Repaired, but %n problem remains.</numerusform>
            <numerusform>Repaired, but %n problems remain.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/RepairResultPanel.cpp" line="158"/>
        <source>%1 (%Ln set aside in quarantine/)</source>
        <translation>
            <numerusform>%1 (%Ln set aside in quarantine/)</numerusform>
            <numerusform>%1 (%Ln set aside in quarantine/)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/RepairResultPanel.cpp" line="171"/>
        <source>Quarantine (%n file(s)): %1</source>
        <translation>
            <numerusform>Quarantine (%n file): %1</numerusform>
            <numerusform>Quarantine (%n files): %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/RepairResultPanel.cpp" line="142"/>
        <source>Repaired, but %Ln item(s) readable before are neither in the index nor in quarantine/.</source>
        <translation>
            <numerusform>Repaired, but %Ln item readable before is neither in the index nor in quarantine/.</numerusform>
            <numerusform>Repaired, but %Ln items readable before are neither in the index nor in quarantine/.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sextant::ui::StartPage</name>
    <message numerus="yes">
        <location filename="../ui/StartPage.cpp" line="114"/>
        <source>Make a demo index from %n short text(s) about navigation, astronomy, cooking, music and more, and try browsing, searching, the map and the integrity check on it. It takes a few seconds and stays in your data folder.</source>
        <translation>
            <numerusform>Make a demo index from %n short text about navigation, astronomy, cooking, music and more, and try browsing, searching, the map and the integrity check on it. It takes a few seconds and stays in your data folder.</numerusform>
            <numerusform>Make a demo index from %n short texts about navigation, astronomy, cooking, music and more, and try browsing, searching, the map and the integrity check on it. It takes a few seconds and stays in your data folder.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sextant::ui::SummaryView</name>
    <message numerus="yes">
        <location filename="../ui/SummaryView.cpp" line="228"/>
        <source>%1 % (%Ln sampled queries, ef %2)</source>
        <translation>
            <numerusform>%1 % (%Ln sampled query, ef %2)</numerusform>
            <numerusform>%1 % (%Ln sampled queries, ef %2)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/SummaryView.cpp" line="288"/>
        <location filename="../ui/SummaryView.cpp" line="292"/>
        <source>%Ln row(s)</source>
        <translation>
            <numerusform>%Ln row</numerusform>
            <numerusform>%Ln rows</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/SummaryView.cpp" line="293"/>
        <source>%Ln deleted row(s) that compaction drops</source>
        <translation>
            <numerusform>%Ln deleted row that compaction drops</numerusform>
            <numerusform>%Ln deleted rows that compaction drops</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/SummaryView.cpp" line="295"/>
        <source>%Ln change(s)</source>
        <translation>
            <numerusform>%Ln change</numerusform>
            <numerusform>%Ln changes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/SummaryView.cpp" line="302"/>
        <source>%Ln write(s) queued</source>
        <translation>
            <numerusform>%Ln write queued</numerusform>
            <numerusform>%Ln writes queued</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/SummaryView.cpp" line="321"/>
        <source>%1 (%Ln change(s) pending, searched exactly meanwhile)</source>
        <translation>
            <numerusform>%1 (%Ln change pending, searched exactly meanwhile)</numerusform>
            <numerusform>%1 (%Ln changes pending, searched exactly meanwhile)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/SummaryView.cpp" line="345"/>
        <source>Measured on sampled items when the index held %Ln item(s); measured again as it changes.</source>
        <translation>
            <numerusform>Measured on sampled items when the index held %Ln item; measured again as it changes.</numerusform>
            <numerusform>Measured on sampled items when the index held %Ln items; measured again as it changes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/SummaryView.cpp" line="315"/>
        <source>%1; rebuilding it in the background (%2): %3 of %Ln item(s)</source>
        <translation>
            <numerusform>%1; rebuilding it in the background (%2): %3 of %Ln item</numerusform>
            <numerusform>%1; rebuilding it in the background (%2): %3 of %Ln items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/SummaryView.cpp" line="319"/>
        <source>%1; rebuilt in the background %Ln time(s) since opened</source>
        <translation>
            <numerusform>%1; rebuilt in the background %Ln time since opened</numerusform>
            <numerusform>%1; rebuilt in the background %Ln times since opened</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sextant::ui::TaskMonitor</name>
    <message numerus="yes">
        <location filename="../ui/TaskMonitor.cpp" line="87"/>
        <source>%1 (and %n more)</source>
        <translation>
            <numerusform>%1 (and %n more)</numerusform>
            <numerusform>%1 (and %n more)</numerusform>
        </translation>
    </message>
</context>
</TS>
