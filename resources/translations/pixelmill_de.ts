<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AdvancedPanel</name>
    <message>
        <source>Advanced</source>
        <translation>Erweitert</translation>
    </message>
    <message>
        <source>Automatic (fastest per format)</source>
        <translation>Automatisch (schnellste je Format)</translation>
    </message>
    <message>
        <source> s per image</source>
        <translation> s pro Bild</translation>
    </message>
    <message>
        <source>Workers:</source>
        <translation>Prozesse:</translation>
    </message>
    <message>
        <source>Engine:</source>
        <translation>Engine:</translation>
    </message>
    <message>
        <source>Timeout:</source>
        <translation>Zeitlimit:</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Keine Grenze</translation>
    </message>
    <message>
        <source> MB per image</source>
        <translation> MB pro Bild</translation>
    </message>
    <message>
        <source>An image that needs more memory fails with the size it needs; the batch goes on.</source>
        <translation>Ein Bild, das mehr Speicher braucht, schlägt mit dem benötigten Wert fehl; der Stapel läuft weiter.</translation>
    </message>
    <message>
        <source> s CPU per image</source>
        <translation> s CPU pro Bild</translation>
    </message>
    <message>
        <source>Memory limit:</source>
        <translation>Speichergrenze:</translation>
    </message>
    <message>
        <source>CPU limit:</source>
        <translation>CPU-Grenze:</translation>
    </message>
    <message>
        <source>Keep the run journal in the output folder</source>
        <translation>Protokoll des Laufs im Ausgabeordner behalten</translation>
    </message>
    <message>
        <source>After a run where every image was done or skipped, the journal is removed so that the folder holds only images. Interrupted runs always keep it for Resume.</source>
        <translation>Nach einem Lauf, in dem jedes Bild fertig oder ausgelassen wurde, wird das Protokoll entfernt, sodass der Ordner nur Bilder enthält. Unterbrochene Läufe behalten es immer zum Fortsetzen.</translation>
    </message>
</context>
<context>
    <name>BatchController</name>
    <message>
        <source>no batch has run</source>
        <translation>es wurde noch kein Stapel ausgeführt</translation>
    </message>
</context>
<context>
    <name>ColourButton</name>
    <message>
        <source>Choose a colour</source>
        <translation>Farbe wählen</translation>
    </message>
</context>
<context>
    <name>CompareCanvas</name>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
</context>
<context>
    <name>CompareImage</name>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 existiert nicht</translation>
    </message>
    <message>
        <source>%1 is not a file</source>
        <translation>%1 ist keine Datei</translation>
    </message>
    <message>
        <source>Cannot show %1: %2</source>
        <translation>%1 kann nicht angezeigt werden: %2</translation>
    </message>
    <message>
        <source>no worker to decode it</source>
        <translation>kein Worker-Prozess zum Dekodieren vorhanden</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>Nebeneinander</translation>
    </message>
    <message>
        <source>Before and after next to each other (S)</source>
        <translation>Vorher und nachher nebeneinander (S)</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>Geteilt</translation>
    </message>
    <message>
        <source>After over before, divided by the slider (S)</source>
        <translation>Nachher über vorher, geteilt am Schieberegler (S)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Show the whole picture (0)</source>
        <translation>Das ganze Bild zeigen (0)</translation>
    </message>
    <message>
        <source>1:1</source>
        <translation>1:1</translation>
    </message>
    <message>
        <source>One output pixel per screen pixel (1)</source>
        <translation>Ein Ausgabepixel pro Bildschirmpixel (1)</translation>
    </message>
    <message>
        <source>Wheel to zoom, drag to pan</source>
        <translation>Mausrad zoomt, Ziehen verschiebt</translation>
    </message>
    <message>
        <source>Where the after image begins</source>
        <translation>Wo das Nachher-Bild beginnt</translation>
    </message>
    <message>
        <source>Split position</source>
        <translation>Teilungsposition</translation>
    </message>
    <message>
        <source>Compare – %1</source>
        <translation>Vergleich – %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Before: loading…</source>
        <translation>Vorher: wird geladen…</translation>
    </message>
    <message>
        <source>After: loading…</source>
        <translation>Nachher: wird geladen…</translation>
    </message>
    <message>
        <source>No output: this image was not processed</source>
        <translation>Keine Ausgabe: Dieses Bild wurde nicht verarbeitet</translation>
    </message>
    <message>
        <source>No output: %1</source>
        <translation>Keine Ausgabe: %1</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>Vorher</translation>
    </message>
    <message>
        <source>After</source>
        <translation>Nachher</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: %2 × %3 px, %4, %5</source>
        <translation>%1: %2 × %3 px, %4, %5</translation>
    </message>
    <message>
        <source>Fitted (%1%)</source>
        <translation>Eingepasst (%1 %)</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
</context>
<context>
    <name>EncoderOptionRows</name>
    <message>
        <source>1 is fastest; 9 makes the smallest files.</source>
        <translation>1 ist am schnellsten; 9 ergibt die kleinsten Dateien.</translation>
    </message>
    <message>
        <source>Progressive JPEG</source>
        <translation>Progressives JPEG</translation>
    </message>
    <message>
        <source>Full colour resolution (4:4:4)</source>
        <translation>Volle Farbauflösung (4:4:4)</translation>
    </message>
    <message>
        <source>0 stores, 9 compresses most. The pixels are the same.</source>
        <translation>0 speichert unkomprimiert, 9 komprimiert am stärksten. Die Pixel bleiben gleich.</translation>
    </message>
    <message>
        <source>Palette (at most 256 colours)</source>
        <translation>Palette (höchstens 256 Farben)</translation>
    </message>
    <message>
        <source>Lossless</source>
        <translation>Verlustfrei</translation>
    </message>
    <message>
        <source>Effort:</source>
        <translation>Aufwand:</translation>
    </message>
    <message>
        <source>PNG compression:</source>
        <translation>PNG-Kompression:</translation>
    </message>
    <message>
        <source> kB</source>
        <translation> kB</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Lowers the quality of each image until its file fits (1 kB = 1000 bytes). 0 turns it off.</source>
        <translation>Senkt die Qualität jedes Bildes, bis seine Datei passt (1 kB = 1000 Byte). 0 schaltet es aus.</translation>
    </message>
    <message>
        <source>Max file size:</source>
        <translation>Max. Dateigröße:</translation>
    </message>
</context>
<context>
    <name>InputModel</name>
    <message>
        <source>not read</source>
        <translation>nicht gelesen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Dimensions</source>
        <translation>Abmessungen</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>In Warteschlange</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Ausgelassen</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
</context>
<context>
    <name>InputView</name>
    <message>
        <source>Filter by name or format</source>
        <translation>Nach Name oder Format filtern</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Invert</source>
        <translation>Umkehren</translation>
    </message>
    <message>
        <source>Check every image shown</source>
        <translation>Alle angezeigten Bilder auswählen</translation>
    </message>
    <message>
        <source>Uncheck every image shown</source>
        <translation>Auswahl aller angezeigten Bilder aufheben</translation>
    </message>
    <message>
        <source>Flip the check of every image shown</source>
        <translation>Auswahl aller angezeigten Bilder umkehren</translation>
    </message>
    <message>
        <source>Flip check of selected</source>
        <translation>Häkchen der markierten Bilder umkehren</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln image(s) checked, %2</source>
        <translation>
            <numerusform>%1 von %Ln Bild ausgewählt, %2</numerusform>
            <numerusform>%1 von %Ln Bildern ausgewählt, %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Failures only</source>
        <translation>Nur Fehler</translation>
    </message>
    <message>
        <source>Show only the images that failed in the last run</source>
        <translation>Nur die Bilder zeigen, die im letzten Lauf fehlgeschlagen sind</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>In Arbeit</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Ausgelassen</translation>
    </message>
    <message>
        <source>Add Files…</source>
        <translation>Dateien hinzufügen…</translation>
    </message>
    <message>
        <source>Add Folder…</source>
        <translation>Ordner hinzufügen…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Add images to the batch (you can also drop them here)</source>
        <translation>Bilder zum Stapel hinzufügen (Sie können sie auch hierher ziehen)</translation>
    </message>
    <message>
        <source>Add the images of a folder to the batch</source>
        <translation>Die Bilder eines Ordners zum Stapel hinzufügen</translation>
    </message>
    <message>
        <source>Take the selected images out of the batch (Delete)</source>
        <translation>Die markierten Bilder aus dem Stapel nehmen (Entf)</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>Markierte Bilder entfernen</translation>
    </message>
    <message>
        <source>Images (%1)</source>
        <translation>Bilder (%1)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Add images</source>
        <translation>Bilder hinzufügen</translation>
    </message>
    <message>
        <source>Add a folder of images</source>
        <translation>Bildordner hinzufügen</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Pixelmill</source>
        <translation>Pixelmill</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>Bearbeitung</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open Folder…</source>
        <translation>Ordner ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;Export Report…</source>
        <translation>Bericht &amp;exportieren…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Failures Only</source>
        <translation>Nur &amp;Fehler</translation>
    </message>
    <message>
        <source>pixelmill-worker was not found next to the application</source>
        <translation>pixelmill-worker wurde neben dem Programm nicht gefunden</translation>
    </message>
    <message>
        <source>Choose an output folder other than the source</source>
        <translation>Wählen Sie einen anderen Ausgabeordner als die Quelle</translation>
    </message>
    <message>
        <source>No images in the source folder</source>
        <translation>Keine Bilder im Quellordner</translation>
    </message>
    <message>
        <source>Cancelled: </source>
        <translation>Abgebrochen: </translation>
    </message>
    <message>
        <source>Finished: </source>
        <translation>Abgeschlossen: </translation>
    </message>
    <message>
        <source>%1 done, %2 failed, %3 skipped</source>
        <translation>%1 fertig, %2 fehlgeschlagen, %3 ausgelassen</translation>
    </message>
    <message>
        <source> in %1 s</source>
        <translation> in %1 s</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <source>JSON report (*.json);;CSV table (*.csv)</source>
        <translation>JSON-Bericht (*.json);;CSV-Tabelle (*.csv)</translation>
    </message>
    <message>
        <source>Report saved to %1</source>
        <translation>Bericht gespeichert unter %1</translation>
    </message>
    <message>
        <source>Could not save the report: %1</source>
        <translation>Bericht konnte nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>Could not open %1: no application to show folders is set up on this system</source>
        <translation>%1 konnte nicht geöffnet werden: Auf diesem System ist kein Programm zum Anzeigen von Ordnern eingerichtet</translation>
    </message>
    <message>
        <source>A batch is running. Stop it and close?</source>
        <translation>Ein Stapel läuft noch. Anhalten und schließen?</translation>
    </message>
    <message>
        <source>Finished images are kept; the others are not processed.</source>
        <translation>Fertige Bilder bleiben erhalten; die übrigen werden nicht verarbeitet.</translation>
    </message>
    <message>
        <source>Stop and close</source>
        <translation>Anhalten und schließen</translation>
    </message>
    <message>
        <source>Keep running</source>
        <translation>Weiterlaufen lassen</translation>
    </message>
    <message>
        <source>, %1 cancelled</source>
        <translation>, %1 abgebrochen</translation>
    </message>
    <message>
        <source>Pixelmill: batch finished</source>
        <translation>Pixelmill: Stapel abgeschlossen</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Ergebnisse</translation>
    </message>
    <message>
        <source>No images are checked</source>
        <translation>Keine Bilder ausgewählt</translation>
    </message>
    <message>
        <source>Choose a source folder or add images first</source>
        <translation>Wählen Sie zuerst einen Quellordner oder fügen Sie Bilder hinzu</translation>
    </message>
</context>
<context>
    <name>OperationsList</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>Arbeitsschritte</translation>
    </message>
    <message>
        <source>&amp;Add step</source>
        <translation>Schritt &amp;hinzufügen</translation>
    </message>
    <message>
        <source>Move step up</source>
        <translation>Schritt nach oben</translation>
    </message>
    <message>
        <source>Move step down</source>
        <translation>Schritt nach unten</translation>
    </message>
    <message>
        <source>Remove step</source>
        <translation>Schritt entfernen</translation>
    </message>
    <message>
        <source>&amp;Sharpen after resize</source>
        <translation>Nach Größenänderung &amp;nachschärfen</translation>
    </message>
    <message>
        <source>Adds a light unsharp mask right after the first resize, to restore the crispness a downscale softens.</source>
        <translation>Fügt direkt nach der ersten Größenänderung eine leichte Unschärfemaskierung ein, die die beim Verkleinern verlorene Schärfe zurückbringt.</translation>
    </message>
    <message>
        <source>No steps: images are only converted to the output format. Add a step below.</source>
        <translation>Keine Schritte: Die Bilder werden nur ins Ausgabeformat umgewandelt. Fügen Sie unten einen Schritt hinzu.</translation>
    </message>
</context>
<context>
    <name>OutputPanel</name>
    <message>
        <source>Output</source>
        <translation>Ausgabe</translation>
    </message>
    <message>
        <source>Resume: skip images an earlier run already finished</source>
        <translation>Fortsetzen: schon fertige Bilder überspringen</translation>
    </message>
    <message>
        <source>Skip existing files</source>
        <translation>Vorhandene überspringen</translation>
    </message>
    <message>
        <source>Overwrite existing files</source>
        <translation>Vorhandene überschreiben</translation>
    </message>
    <message>
        <source>Rename new files</source>
        <translation>Neue Dateien umbenennen</translation>
    </message>
    <message>
        <source>Uses the journal an earlier run left in the output folder: images finished there with the same operations are not done again.</source>
        <translation>Nutzt das Protokoll, das ein früherer Lauf im Ausgabeordner hinterlassen hat: Bilder, die dort mit denselben Einstellungen fertig wurden, werden nicht erneut verarbeitet.</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Wählen…</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Ordner:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>If a file exists:</source>
        <translation>Falls vorhanden:</translation>
    </message>
    <message>
        <source>Choose the output folder</source>
        <translation>Ausgabeordner wählen</translation>
    </message>
    <message>
        <source>Example: —</source>
        <translation>Beispiel: —</translation>
    </message>
    <message>
        <source>Example: %1 → %2</source>
        <translation>Beispiel: %1 → %2</translation>
    </message>
    <message>
        <source>{name}: file name without extension, {parent}: its folder name, {ext}: its extension, {n} or {n:04}: position in the batch, {date} or {date:%Y-%m-%d %H%M%S}: capture date (EXIF, else the file time), {width} and {height}: output size. The extension follows the format.</source>
        <translation>{name}: Dateiname ohne Endung, {parent}: Name seines Ordners, {ext}: seine Endung, {n} oder {n:04}: Position im Stapel, {date} oder {date:%Y-%m-%d %H%M%S}: Aufnahmedatum (EXIF, sonst die Dateizeit), {width} und {height}: Ausgabegröße. Die Endung folgt dem Format.</translation>
    </message>
</context>
<context>
    <name>PresetBar</name>
    <message>
        <source>Save…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Save the current operations as a named preset</source>
        <translation>Die aktuellen Einstellungen als benannte Vorgabe speichern</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>Vorgaben</translation>
    </message>
    <message>
        <source>Save preset</source>
        <translation>Vorgabe speichern</translation>
    </message>
    <message>
        <source>Preset name:</source>
        <translation>Name der Vorgabe:</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Choose a folder to see a preview</source>
        <translation>Wählen Sie einen Ordner für die Vorschau</translation>
    </message>
    <message>
        <source>No image to preview</source>
        <translation>Kein Bild für die Vorschau</translation>
    </message>
    <message>
        <source>Preview unavailable</source>
        <translation>Vorschau nicht verfügbar</translation>
    </message>
    <message>
        <source>Original: %1</source>
        <translation>Original: %1</translation>
    </message>
    <message>
        <source>Result: working…</source>
        <translation>Ergebnis: wird berechnet…</translation>
    </message>
    <message>
        <source>Result: failed</source>
        <translation>Ergebnis: fehlgeschlagen</translation>
    </message>
    <message>
        <source>Original: %1 · %2 × %3 · %4</source>
        <translation>Original: %1 · %2 × %3 · %4</translation>
    </message>
    <message>
        <source>Result: %1 × %2 · %3</source>
        <translation>Ergebnis: %1 × %2 · %3</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Looking for images…</source>
        <translation>Suche nach Bildern…</translation>
    </message>
    <message>
        <source>%1 of %2 done</source>
        <translation>%1 von %2 fertig</translation>
    </message>
    <message>
        <source> · %1 failed</source>
        <translation> · %1 fehlgeschlagen</translation>
    </message>
    <message>
        <source> · %1 images/s</source>
        <translation> · %1 Bilder/s</translation>
    </message>
    <message>
        <source> · %1 left</source>
        <translation> · noch %1</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>Worker %1: %2</source>
        <translation>Prozess %1: %2</translation>
    </message>
    <message>
        <source> · %1 skipped</source>
        <translation> · %1 ausgelassen</translation>
    </message>
    <message>
        <source> · %1 cancelled</source>
        <translation> · %1 abgebrochen</translation>
    </message>
</context>
<context>
    <name>RecipePanel</name>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Keep size</source>
        <translation>Größe beibehalten</translation>
    </message>
    <message>
        <source>Fit inside</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Fill and crop</source>
        <translation>Füllen und zuschneiden</translation>
    </message>
    <message>
        <source>Exact size (stretch)</source>
        <translation>Exakte Größe (verzerren)</translation>
    </message>
    <message>
        <source>Percentage</source>
        <translation>Prozentual</translation>
    </message>
    <message>
        <source>Long edge</source>
        <translation>Lange Kante</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Don&apos;t enlarge smaller images</source>
        <translation>Kleinere Bilder nicht vergrößern</translation>
    </message>
    <message>
        <source>Resize:</source>
        <translation>Größe:</translation>
    </message>
    <message>
        <source>Width:</source>
        <translation>Breite:</translation>
    </message>
    <message>
        <source>Height:</source>
        <translation>Höhe:</translation>
    </message>
    <message>
        <source>Scale:</source>
        <translation>Skalierung:</translation>
    </message>
    <message>
        <source>Long edge:</source>
        <translation>Lange Kante:</translation>
    </message>
    <message>
        <source>Same as input</source>
        <translation>Wie Original</translation>
    </message>
    <message>
        <source>Grayscale always converts to sRGB first.</source>
        <translation>Graustufen wandeln immer zuerst in sRGB um.</translation>
    </message>
    <message>
        <source>Convert to sRGB</source>
        <translation>In sRGB umwandeln</translation>
    </message>
    <message>
        <source>Colours look the same everywhere: the output is untagged sRGB, which browsers and viewers assume.</source>
        <translation>Farben sehen überall gleich aus: Die Ausgabe ist sRGB ohne eingebettetes Profil, wovon Browser und Bildbetrachter ausgehen.</translation>
    </message>
    <message>
        <source>Keep original profile</source>
        <translation>Originalprofil beibehalten</translation>
    </message>
    <message>
        <source>Pixels and the embedded colour profile stay as they are (for print or further editing). %1</source>
        <translation>Pixel und eingebettetes Farbprofil bleiben unverändert (für Druck oder Weiterbearbeitung). %1</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Convert to sRGB&lt;/b&gt;: colours look the same everywhere; the output is untagged sRGB, which browsers and viewers assume.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Keep original profile&lt;/b&gt;: pixels and the embedded profile stay as they are, for print or further editing.&lt;/p&gt;&lt;p&gt;%1&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;In sRGB umwandeln&lt;/b&gt;: Farben sehen überall gleich aus; die Ausgabe ist sRGB ohne eingebettetes Profil, wovon Browser und Bildbetrachter ausgehen.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Originalprofil beibehalten&lt;/b&gt;: Pixel und eingebettetes Profil bleiben unverändert, für Druck oder Weiterbearbeitung.&lt;/p&gt;&lt;p&gt;%1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Colour profile</source>
        <translation>Farbprofil</translation>
    </message>
    <message>
        <source>Convert to sRGB, or keep the original colour profile. %1</source>
        <translation>In sRGB umwandeln oder das Originalfarbprofil beibehalten. %1</translation>
    </message>
    <message>
        <source>Grayscale</source>
        <translation>Graustufen</translation>
    </message>
    <message>
        <source>removes camera, date, copyright, GPS and keywords (EXIF, XMP, IPTC). A kept colour profile stays, so colours do not change.</source>
        <translation>entfernt Kamera, Datum, Copyright, GPS und Stichwörter (EXIF, XMP, IPTC). Ein beibehaltenes Farbprofil bleibt erhalten, die Farben ändern sich also nicht.</translation>
    </message>
    <message>
        <source>Keep all</source>
        <translation>Alle behalten</translation>
    </message>
    <message>
        <source>Metadata is copied to the output unchanged.</source>
        <translation>Metadaten werden unverändert übernommen.</translation>
    </message>
    <message>
        <source>Remove location (GPS)</source>
        <translation>Standort entfernen (GPS)</translation>
    </message>
    <message>
        <source>Only where the photo was taken is removed; everything else is kept.</source>
        <translation>Nur der Aufnahmeort wird entfernt; alles andere bleibt erhalten.</translation>
    </message>
    <message>
        <source>Strip all</source>
        <translation>Alle entfernen</translation>
    </message>
    <message>
        <source>Strip all %1</source>
        <translation>„Alle entfernen“ %1</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Keep all&lt;/b&gt;: metadata is copied unchanged.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Remove location (GPS)&lt;/b&gt;: only the location is removed.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Strip all&lt;/b&gt; %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Alle behalten&lt;/b&gt;: Metadaten werden unverändert übernommen.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Standort entfernen (GPS)&lt;/b&gt;: Nur der Aufnahmeort wird entfernt.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Alle entfernen&lt;/b&gt; %1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>Metadaten</translation>
    </message>
    <message>
        <source>Keep all metadata, remove only the location (GPS), or strip all. Strip all %1</source>
        <translation>Alle Metadaten behalten, nur den Standort (GPS) entfernen oder alle entfernen. „Alle entfernen“ %1</translation>
    </message>
    <message>
        <source>Rotate upright (EXIF orientation)</source>
        <translation>Aufrecht drehen (EXIF-Ausrichtung)</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>Quality:</source>
        <translation>Qualität:</translation>
    </message>
    <message>
        <source>&amp;Colour:</source>
        <translation>&amp;Farbe:</translation>
    </message>
    <message>
        <source>&amp;Metadata:</source>
        <translation>&amp;Metadaten:</translation>
    </message>
    <message>
        <source>Steps:</source>
        <translation>Schritte:</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Ausgelassen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>%1
%2 × %3 px, %4 (input %5)</source>
        <translation>%1
%2 × %3 px, %4 (Original %5)</translation>
    </message>
    <message>
        <source>Engine: %1</source>
        <translation>Engine: %1</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Output size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Quality %1, chosen for the size limit</source>
        <translation>Qualität %1, gewählt für die Größengrenze</translation>
    </message>
</context>
<context>
    <name>ResultsPanel</name>
    <message>
        <source>Show failures only</source>
        <translation>Nur Fehler anzeigen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Ausgelassen</translation>
    </message>
    <message>
        <source>&amp;Compare Before and After</source>
        <translation>Vorher und nachher &amp;vergleichen</translation>
    </message>
    <message>
        <source>&amp;Open Output</source>
        <translation>Ausgabe &amp;öffnen</translation>
    </message>
    <message>
        <source>Compare…</source>
        <translation>Vergleichen…</translation>
    </message>
    <message>
        <source>Before and after of the selected image, side by side (Ctrl+D)</source>
        <translation>Vorher und nachher des gewählten Bildes nebeneinander (Strg+D)</translation>
    </message>
</context>
<context>
    <name>RunBar</name>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Open output folder</source>
        <translation>Ausgabeordner öffnen</translation>
    </message>
    <message>
        <source>Retry failed</source>
        <translation>Fehlgeschlagene wiederholen</translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation>Bericht exportieren…</translation>
    </message>
    <message>
        <source>Process every image (Ctrl+Enter)</source>
        <translation>Alle Bilder verarbeiten (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>Stop the batch (Esc); finished images are kept</source>
        <translation>Stapel anhalten (Esc); fertige Bilder bleiben erhalten</translation>
    </message>
    <message numerus="yes">
        <source>Retry %Ln failed</source>
        <translation>
            <numerusform>Fehlgeschlagenes wiederholen (%Ln)</numerusform>
            <numerusform>Fehlgeschlagene wiederholen (%Ln)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Savings</name>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>%1, %2% smaller</source>
        <translation>%1, %2 % kleiner</translation>
    </message>
    <message>
        <source>%1, %2% larger</source>
        <translation>%1, %2 % größer</translation>
    </message>
</context>
<context>
    <name>SourcePanel</name>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Include subfolders</source>
        <translation>Unterordner einbeziehen</translation>
    </message>
    <message>
        <source>Choose or drop a folder of images</source>
        <translation>Bildordner wählen oder hierher ziehen</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Wählen…</translation>
    </message>
    <message>
        <source>Recent</source>
        <translation>Zuletzt</translation>
    </message>
    <message>
        <source>Choose a folder of images</source>
        <translation>Bildordner wählen</translation>
    </message>
    <message>
        <source>Folder not found</source>
        <translation>Ordner nicht gefunden</translation>
    </message>
    <message>
        <source>Counting images…</source>
        <translation>Bilder werden gezählt…</translation>
    </message>
    <message>
        <source>No folder chosen</source>
        <translation>Kein Ordner gewählt</translation>
    </message>
    <message numerus="yes">
        <source>%Ln image(s) found</source>
        <translation>
            <numerusform>%Ln Bild gefunden</numerusform>
            <numerusform>%Ln Bilder gefunden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln image(s) so far…</source>
        <translation>
            <numerusform>Bisher %Ln Bild…</numerusform>
            <numerusform>Bisher %Ln Bilder…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StepEditor</name>
    <message>
        <source>This step has no settings.</source>
        <translation>Dieser Schritt hat keine Einstellungen.</translation>
    </message>
    <message>
        <source>attention (the most interesting part)</source>
        <translation>Blickfang (der interessanteste Teil)</translation>
    </message>
    <message>
        <source>Keeps the part of the image a viewer would look at first (libvips&apos; smart crop).</source>
        <translation>Behält den Teil des Bildes, auf den ein Betrachter zuerst schaut (intelligenter Zuschnitt von libvips).</translation>
    </message>
    <message>
        <source>Fit inside</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Fill and crop</source>
        <translation>Füllen und zuschneiden</translation>
    </message>
    <message>
        <source>Exact size (stretch)</source>
        <translation>Exakte Größe (verzerren)</translation>
    </message>
    <message>
        <source>Percentage</source>
        <translation>Prozentual</translation>
    </message>
    <message>
        <source>Long edge</source>
        <translation>Lange Kante</translation>
    </message>
    <message>
        <source>Keep size</source>
        <translation>Größe beibehalten</translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation>Modus:</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source>Width:</source>
        <translation>Breite:</translation>
    </message>
    <message>
        <source>Height:</source>
        <translation>Höhe:</translation>
    </message>
    <message>
        <source>Scale:</source>
        <translation>Skalierung:</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Long edge:</source>
        <translation>Lange Kante:</translation>
    </message>
    <message>
        <source>Don&apos;t enlarge smaller images</source>
        <translation>Kleinere Bilder nicht vergrößern</translation>
    </message>
    <message>
        <source>Aspect ratio</source>
        <translation>Seitenverhältnis</translation>
    </message>
    <message>
        <source>Pixel box</source>
        <translation>Pixelbereich</translation>
    </message>
    <message>
        <source>Crop to:</source>
        <translation>Zuschneiden auf:</translation>
    </message>
    <message>
        <source>Aspect width:</source>
        <translation>Verhältnis Breite:</translation>
    </message>
    <message>
        <source>Aspect height:</source>
        <translation>Verhältnis Höhe:</translation>
    </message>
    <message>
        <source>Left:</source>
        <translation>Links:</translation>
    </message>
    <message>
        <source>Top:</source>
        <translation>Oben:</translation>
    </message>
    <message>
        <source>Keep:</source>
        <translation>Behalten:</translation>
    </message>
    <message>
        <source>90° clockwise</source>
        <translation>90° im Uhrzeigersinn</translation>
    </message>
    <message>
        <source>180°</source>
        <translation>180°</translation>
    </message>
    <message>
        <source>90° counter-clockwise</source>
        <translation>90° gegen den Uhrzeigersinn</translation>
    </message>
    <message>
        <source>Angle:</source>
        <translation>Winkel:</translation>
    </message>
    <message>
        <source>Horizontally (mirror)</source>
        <translation>Horizontal (spiegeln)</translation>
    </message>
    <message>
        <source>Vertically (upside down)</source>
        <translation>Vertikal (auf den Kopf)</translation>
    </message>
    <message>
        <source>Flip:</source>
        <translation>Spiegeln:</translation>
    </message>
    <message>
        <source>Background:</source>
        <translation>Hintergrund:</translation>
    </message>
    <message>
        <source>Background colour</source>
        <translation>Hintergrundfarbe</translation>
    </message>
    <message>
        <source>Image at:</source>
        <translation>Bild an:</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>Stärke:</translation>
    </message>
    <message>
        <source>Radius (sigma):</source>
        <translation>Radius (Sigma):</translation>
    </message>
    <message>
        <source>How much of the detail is added back: 0 leaves the image as it is.</source>
        <translation>Wie viel Detail wieder hinzugefügt wird: 0 lässt das Bild unverändert.</translation>
    </message>
    <message>
        <source>The size of the detail sharpened; 0.5 to 1 suits a downscaled photo.</source>
        <translation>Die Größe der geschärften Details; 0,5 bis 1 passt zu einem verkleinerten Foto.</translation>
    </message>
    <message>
        <source>Brightness:</source>
        <translation>Helligkeit:</translation>
    </message>
    <message>
        <source>Contrast:</source>
        <translation>Kontrast:</translation>
    </message>
    <message>
        <source>Gamma:</source>
        <translation>Gamma:</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>Text:</translation>
    </message>
    <message>
        <source>A font description such as “Sans Bold” or “Serif Italic”.</source>
        <translation>Eine Schriftbeschreibung wie „Sans Bold“ oder „Serif Italic“.</translation>
    </message>
    <message>
        <source>Font:</source>
        <translation>Schrift:</translation>
    </message>
    <message>
        <source>Text colour</source>
        <translation>Textfarbe</translation>
    </message>
    <message>
        <source>Colour:</source>
        <translation>Farbe:</translation>
    </message>
    <message>
        <source> % of the image&apos;s height</source>
        <translation> % der Bildhöhe</translation>
    </message>
    <message>
        <source>A PNG logo</source>
        <translation>Ein PNG-Logo</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Choose the logo file</source>
        <translation>Logodatei wählen</translation>
    </message>
    <message>
        <source>Image:</source>
        <translation>Bild:</translation>
    </message>
    <message>
        <source> % of the image&apos;s width</source>
        <translation> % der Bildbreite</translation>
    </message>
    <message>
        <source>Choose a logo</source>
        <translation>Logo wählen</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Opacity:</source>
        <translation>Deckkraft:</translation>
    </message>
    <message>
        <source>Position:</source>
        <translation>Position:</translation>
    </message>
    <message>
        <source>Margin:</source>
        <translation>Rand:</translation>
    </message>
    <message>
        <source> % of the shorter side</source>
        <translation> % der kürzeren Seite</translation>
    </message>
</context>
<context>
    <name>StepSummary</name>
    <message>
        <source>%1×%2</source>
        <translation>%1×%2</translation>
    </message>
    <message>
        <source>transparent</source>
        <translation>transparent</translation>
    </message>
    <message>
        <source>white</source>
        <translation>weiß</translation>
    </message>
    <message>
        <source>black</source>
        <translation>schwarz</translation>
    </message>
    <message>
        <source>Resize: keep size</source>
        <translation>Größe: beibehalten</translation>
    </message>
    <message>
        <source>Resize: fit in %1</source>
        <translation>Größe: einpassen in %1</translation>
    </message>
    <message>
        <source>Resize: fill %1</source>
        <translation>Größe: %1 füllen</translation>
    </message>
    <message>
        <source>Resize: exactly %1</source>
        <translation>Größe: genau %1</translation>
    </message>
    <message>
        <source>Resize: %1%</source>
        <translation>Größe: %1 %</translation>
    </message>
    <message>
        <source>Long edge %1 px</source>
        <translation>Lange Kante %1 px</translation>
    </message>
    <message>
        <source>%1, never enlarged</source>
        <translation>%1, nie vergrößert</translation>
    </message>
    <message>
        <source>Crop %1:%2, %3</source>
        <translation>Zuschneiden %1:%2, %3</translation>
    </message>
    <message>
        <source>Crop %1 at %2, %3</source>
        <translation>Zuschneiden %1 bei %2, %3</translation>
    </message>
    <message>
        <source>Rotate 180°</source>
        <translation>Um 180° drehen</translation>
    </message>
    <message>
        <source>Rotate %1° clockwise</source>
        <translation>Um %1° im Uhrzeigersinn drehen</translation>
    </message>
    <message>
        <source>Flip horizontally</source>
        <translation>Horizontal spiegeln</translation>
    </message>
    <message>
        <source>Flip vertically</source>
        <translation>Vertikal spiegeln</translation>
    </message>
    <message>
        <source>Pad to %1, %2</source>
        <translation>Auf %1 erweitern, %2</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Sharpen %1</source>
        <translation>Schärfen %1</translation>
    </message>
    <message>
        <source>Sharpen %1, radius %2</source>
        <translation>Schärfen %1, Radius %2</translation>
    </message>
    <message>
        <source>Brightness %1, contrast %2, gamma %3</source>
        <translation>Helligkeit %1, Kontrast %2, Gamma %3</translation>
    </message>
    <message>
        <source>Auto level</source>
        <translation>Tonwertkorrektur automatisch</translation>
    </message>
    <message>
        <source>Grayscale</source>
        <translation>Graustufen</translation>
    </message>
    <message>
        <source>Watermark %1 %2, %3%</source>
        <translation>Wasserzeichen %1 %2, %3 %</translation>
    </message>
    <message>
        <source>Watermark “%1” %2, %3%</source>
        <translation>Wasserzeichen „%1“ %2, %3 %</translation>
    </message>
    <message>
        <source>Watermark: no image chosen</source>
        <translation>Wasserzeichen: kein Bild gewählt</translation>
    </message>
    <message>
        <source>Resize</source>
        <translation>Größe ändern</translation>
    </message>
    <message>
        <source>Crop</source>
        <translation>Zuschneiden</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation>Drehen</translation>
    </message>
    <message>
        <source>Flip</source>
        <translation>Spiegeln</translation>
    </message>
    <message>
        <source>Pad to canvas</source>
        <translation>Auf Leinwand erweitern</translation>
    </message>
    <message>
        <source>Sharpen</source>
        <translation>Schärfen</translation>
    </message>
    <message>
        <source>Brightness, contrast, gamma</source>
        <translation>Helligkeit, Kontrast, Gamma</translation>
    </message>
    <message>
        <source>Text watermark</source>
        <translation>Text-Wasserzeichen</translation>
    </message>
    <message>
        <source>Image watermark</source>
        <translation>Bild-Wasserzeichen</translation>
    </message>
    <message>
        <source>centre</source>
        <translation>mittig</translation>
    </message>
    <message>
        <source>top</source>
        <translation>oben</translation>
    </message>
    <message>
        <source>top right</source>
        <translation>oben rechts</translation>
    </message>
    <message>
        <source>right</source>
        <translation>rechts</translation>
    </message>
    <message>
        <source>bottom right</source>
        <translation>unten rechts</translation>
    </message>
    <message>
        <source>bottom</source>
        <translation>unten</translation>
    </message>
    <message>
        <source>bottom left</source>
        <translation>unten links</translation>
    </message>
    <message>
        <source>left</source>
        <translation>links</translation>
    </message>
    <message>
        <source>top left</source>
        <translation>oben links</translation>
    </message>
    <message>
        <source>attention</source>
        <translation>Blickfang</translation>
    </message>
</context>
<context>
    <name>TextFormat</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
</context>
<context>
    <name>Thumbnailer</name>
    <message>
        <source>Thumbnails unavailable: no worker</source>
        <translation>Keine Vorschaubilder: kein Worker-Prozess</translation>
    </message>
    <message>
        <source>The thumbnail could not be read</source>
        <translation>Das Vorschaubild konnte nicht gelesen werden</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Batch image processor</source>
        <translation>Stapelverarbeitung für Bilder</translation>
    </message>
    <message>
        <source>Folder to open, or images in it</source>
        <translation>Zu öffnender Ordner oder Bilder darin</translation>
    </message>
</context>
</TS>
