<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdvancedPanel</name>
    <message>
        <source>Advanced</source>
        <translation>高级</translation>
    </message>
    <message>
        <source>Automatic (fastest per format)</source>
        <translation>自动（按格式选最快的）</translation>
    </message>
    <message>
        <source> s per image</source>
        <translation> 秒/张</translation>
    </message>
    <message>
        <source>Workers:</source>
        <translation>工作进程：</translation>
    </message>
    <message>
        <source>Engine:</source>
        <translation>引擎：</translation>
    </message>
    <message>
        <source>Timeout:</source>
        <translation>超时：</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>不限制</translation>
    </message>
    <message>
        <source> MB per image</source>
        <translation> MB/每张图像</translation>
    </message>
    <message>
        <source>An image that needs more memory fails with the size it needs; the batch goes on.</source>
        <translation>需要更多内存的图像会失败并显示所需大小；批处理继续进行。</translation>
    </message>
    <message>
        <source> s CPU per image</source>
        <translation> 秒 CPU/每张图像</translation>
    </message>
    <message>
        <source>Memory limit:</source>
        <translation>内存上限：</translation>
    </message>
    <message>
        <source>CPU limit:</source>
        <translation>CPU 上限：</translation>
    </message>
    <message>
        <source>Keep the run journal in the output folder</source>
        <translation>在输出文件夹中保留运行日志</translation>
    </message>
    <message>
        <source>After a run where every image was done or skipped, the journal is removed so that the folder holds only images. Interrupted runs always keep it for Resume.</source>
        <translation>当每张图像都已完成或跳过时，运行日志会被删除，输出文件夹中只留下图像。中断的运行始终保留日志，以便继续。</translation>
    </message>
</context>
<context>
    <name>BatchController</name>
    <message>
        <source>no batch has run</source>
        <translation>尚未运行任何批处理</translation>
    </message>
</context>
<context>
    <name>ColourButton</name>
    <message>
        <source>Choose a colour</source>
        <translation>选择颜色</translation>
    </message>
</context>
<context>
    <name>CompareCanvas</name>
    <message>
        <source>Before</source>
        <translation>处理前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>处理后</translation>
    </message>
</context>
<context>
    <name>CompareImage</name>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 不存在</translation>
    </message>
    <message>
        <source>%1 is not a file</source>
        <translation>%1 不是文件</translation>
    </message>
    <message>
        <source>Cannot show %1: %2</source>
        <translation>无法显示 %1：%2</translation>
    </message>
    <message>
        <source>no worker to decode it</source>
        <translation>没有可用于解码的工作进程</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <source>Compare</source>
        <translation>对比</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>并排</translation>
    </message>
    <message>
        <source>Before and after next to each other (S)</source>
        <translation>处理前后并排显示 (S)</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>分割</translation>
    </message>
    <message>
        <source>After over before, divided by the slider (S)</source>
        <translation>处理后叠在处理前之上，由滑块分隔 (S)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <source>Show the whole picture (0)</source>
        <translation>显示整幅图像 (0)</translation>
    </message>
    <message>
        <source>1:1</source>
        <translation>1:1</translation>
    </message>
    <message>
        <source>One output pixel per screen pixel (1)</source>
        <translation>一个输出像素对应一个屏幕像素 (1)</translation>
    </message>
    <message>
        <source>Wheel to zoom, drag to pan</source>
        <translation>滚轮缩放，拖动平移</translation>
    </message>
    <message>
        <source>Where the after image begins</source>
        <translation>处理后图像的起始位置</translation>
    </message>
    <message>
        <source>Split position</source>
        <translation>分割位置</translation>
    </message>
    <message>
        <source>Compare – %1</source>
        <translation>对比 – %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Before: loading…</source>
        <translation>处理前：正在加载…</translation>
    </message>
    <message>
        <source>After: loading…</source>
        <translation>处理后：正在加载…</translation>
    </message>
    <message>
        <source>No output: this image was not processed</source>
        <translation>无输出：此图像未被处理</translation>
    </message>
    <message>
        <source>No output: %1</source>
        <translation>无输出：%1</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>处理前</translation>
    </message>
    <message>
        <source>After</source>
        <translation>处理后</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: %2 × %3 px, %4, %5</source>
        <translation>%1：%2 × %3 像素，%4，%5</translation>
    </message>
    <message>
        <source>Fitted (%1%)</source>
        <translation>适应窗口 (%1%)</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
</context>
<context>
    <name>EncoderOptionRows</name>
    <message>
        <source>1 is fastest; 9 makes the smallest files.</source>
        <translation>1 最快；9 生成的文件最小。</translation>
    </message>
    <message>
        <source>Progressive JPEG</source>
        <translation>渐进式 JPEG</translation>
    </message>
    <message>
        <source>Full colour resolution (4:4:4)</source>
        <translation>完整色彩分辨率 (4:4:4)</translation>
    </message>
    <message>
        <source>0 stores, 9 compresses most. The pixels are the same.</source>
        <translation>0 不压缩，9 压缩率最高。像素完全相同。</translation>
    </message>
    <message>
        <source>Palette (at most 256 colours)</source>
        <translation>调色板（最多 256 色）</translation>
    </message>
    <message>
        <source>Lossless</source>
        <translation>无损</translation>
    </message>
    <message>
        <source>Effort:</source>
        <translation>编码力度：</translation>
    </message>
    <message>
        <source>PNG compression:</source>
        <translation>PNG 压缩级别：</translation>
    </message>
    <message>
        <source> kB</source>
        <translation> kB</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Lowers the quality of each image until its file fits (1 kB = 1000 bytes). 0 turns it off.</source>
        <translation>逐张降低图像品质，直到文件不超过此大小（1 kB = 1000 字节）。0 表示关闭。</translation>
    </message>
    <message>
        <source>Max file size:</source>
        <translation>最大文件大小：</translation>
    </message>
</context>
<context>
    <name>InputModel</name>
    <message>
        <source>not read</source>
        <translation>未读取</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Dimensions</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>InputView</name>
    <message>
        <source>Filter by name or format</source>
        <translation>按名称或格式筛选</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全选</translation>
    </message>
    <message>
        <source>None</source>
        <translation>全不选</translation>
    </message>
    <message>
        <source>Invert</source>
        <translation>反选</translation>
    </message>
    <message>
        <source>Check every image shown</source>
        <translation>勾选所有显示的图像</translation>
    </message>
    <message>
        <source>Uncheck every image shown</source>
        <translation>取消勾选所有显示的图像</translation>
    </message>
    <message>
        <source>Flip the check of every image shown</source>
        <translation>反选所有显示的图像</translation>
    </message>
    <message>
        <source>Flip check of selected</source>
        <translation>反转所选项的勾选</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %Ln image(s) checked, %2</source>
        <translation>
            <numerusform>已勾选 %1 / %Ln 张图像，%2</numerusform>
        </translation>
    </message>
    <message>
        <source>Failures only</source>
        <translation>仅失败项</translation>
    </message>
    <message>
        <source>Show only the images that failed in the last run</source>
        <translation>只显示上次运行中失败的图像</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>Add Files…</source>
        <translation>添加文件…</translation>
    </message>
    <message>
        <source>Add Folder…</source>
        <translation>添加文件夹…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Add images to the batch (you can also drop them here)</source>
        <translation>将图像添加到批处理（也可以拖放到这里）</translation>
    </message>
    <message>
        <source>Add the images of a folder to the batch</source>
        <translation>将一个文件夹中的图像添加到批处理</translation>
    </message>
    <message>
        <source>Take the selected images out of the batch (Delete)</source>
        <translation>从批处理中移除所选图像（Delete）</translation>
    </message>
    <message>
        <source>Remove selected</source>
        <translation>移除所选项</translation>
    </message>
    <message>
        <source>Images (%1)</source>
        <translation>图像 (%1)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>Add images</source>
        <translation>添加图像</translation>
    </message>
    <message>
        <source>Add a folder of images</source>
        <translation>添加图像文件夹</translation>
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
        <translation>处理操作</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open Folder…</source>
        <translation>打开文件夹(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Export Report…</source>
        <translation>导出报告(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Failures Only</source>
        <translation>仅显示失败项(&amp;F)</translation>
    </message>
    <message>
        <source>pixelmill-worker was not found next to the application</source>
        <translation>在程序所在目录中找不到 pixelmill-worker</translation>
    </message>
    <message>
        <source>Choose an output folder other than the source</source>
        <translation>请选择与源文件夹不同的输出文件夹</translation>
    </message>
    <message>
        <source>No images in the source folder</source>
        <translation>源文件夹中没有图像</translation>
    </message>
    <message>
        <source>Cancelled: </source>
        <translation>已取消：</translation>
    </message>
    <message>
        <source>Finished: </source>
        <translation>已完成：</translation>
    </message>
    <message>
        <source>%1 done, %2 failed, %3 skipped</source>
        <translation>成功 %1 张，失败 %2 张，跳过 %3 张</translation>
    </message>
    <message>
        <source> in %1 s</source>
        <translation>，用时 %1 秒</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>导出报告</translation>
    </message>
    <message>
        <source>JSON report (*.json);;CSV table (*.csv)</source>
        <translation>JSON 报告 (*.json);;CSV 表格 (*.csv)</translation>
    </message>
    <message>
        <source>Report saved to %1</source>
        <translation>报告已保存到 %1</translation>
    </message>
    <message>
        <source>Could not save the report: %1</source>
        <translation>无法保存报告：%1</translation>
    </message>
    <message>
        <source>Could not open %1: no application to show folders is set up on this system</source>
        <translation>无法打开 %1：此系统上没有设置用于显示文件夹的应用程序</translation>
    </message>
    <message>
        <source>A batch is running. Stop it and close?</source>
        <translation>批处理正在运行。要停止并关闭吗？</translation>
    </message>
    <message>
        <source>Finished images are kept; the others are not processed.</source>
        <translation>已完成的图像会保留，其余图像不再处理。</translation>
    </message>
    <message>
        <source>Stop and close</source>
        <translation>停止并关闭</translation>
    </message>
    <message>
        <source>Keep running</source>
        <translation>继续运行</translation>
    </message>
    <message>
        <source>, %1 cancelled</source>
        <translation>，已取消 %1</translation>
    </message>
    <message>
        <source>Pixelmill: batch finished</source>
        <translation>Pixelmill：批处理已完成</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>图像</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>No images are checked</source>
        <translation>未勾选任何图像</translation>
    </message>
    <message>
        <source>Choose a source folder or add images first</source>
        <translation>请先选择源文件夹或添加图像</translation>
    </message>
</context>
<context>
    <name>OperationsList</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>处理步骤</translation>
    </message>
    <message>
        <source>&amp;Add step</source>
        <translation>添加步骤(&amp;A)</translation>
    </message>
    <message>
        <source>Move step up</source>
        <translation>上移步骤</translation>
    </message>
    <message>
        <source>Move step down</source>
        <translation>下移步骤</translation>
    </message>
    <message>
        <source>Remove step</source>
        <translation>移除步骤</translation>
    </message>
    <message>
        <source>&amp;Sharpen after resize</source>
        <translation>缩放后锐化(&amp;S)</translation>
    </message>
    <message>
        <source>Adds a light unsharp mask right after the first resize, to restore the crispness a downscale softens.</source>
        <translation>在第一次缩放之后立即加入轻度 USM 锐化，恢复缩小时损失的清晰度。</translation>
    </message>
    <message>
        <source>No steps: images are only converted to the output format. Add a step below.</source>
        <translation>没有步骤：图像只会转换为输出格式。请在下方添加步骤。</translation>
    </message>
</context>
<context>
    <name>OutputPanel</name>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>Resume: skip images an earlier run already finished</source>
        <translation>继续：跳过上次已处理完的图像</translation>
    </message>
    <message>
        <source>Skip existing files</source>
        <translation>跳过已有文件</translation>
    </message>
    <message>
        <source>Overwrite existing files</source>
        <translation>覆盖已有文件</translation>
    </message>
    <message>
        <source>Rename new files</source>
        <translation>重命名新文件</translation>
    </message>
    <message>
        <source>Uses the journal an earlier run left in the output folder: images finished there with the same operations are not done again.</source>
        <translation>使用上次运行留在输出文件夹中的记录：已用相同操作处理完成的图像不会再次处理。</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>文件夹：</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>文件名：</translation>
    </message>
    <message>
        <source>If a file exists:</source>
        <translation>文件已存在时：</translation>
    </message>
    <message>
        <source>Choose the output folder</source>
        <translation>选择输出文件夹</translation>
    </message>
    <message>
        <source>Example: —</source>
        <translation>示例：—</translation>
    </message>
    <message>
        <source>Example: %1 → %2</source>
        <translation>示例：%1 → %2</translation>
    </message>
    <message>
        <source>{name}: file name without extension, {parent}: its folder name, {ext}: its extension, {n} or {n:04}: position in the batch, {date} or {date:%Y-%m-%d %H%M%S}: capture date (EXIF, else the file time), {width} and {height}: output size. The extension follows the format.</source>
        <translation>{name}：不含扩展名的文件名，{parent}：所在文件夹名，{ext}：其扩展名，{n} 或 {n:04}：在批次中的序号，{date} 或 {date:%Y-%m-%d %H%M%S}：拍摄日期（EXIF，否则为文件时间），{width} 和 {height}：输出尺寸。扩展名随格式而定。</translation>
    </message>
</context>
<context>
    <name>PresetBar</name>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Save the current operations as a named preset</source>
        <translation>将当前操作保存为命名预设</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>预设</translation>
    </message>
    <message>
        <source>Save preset</source>
        <translation>保存预设</translation>
    </message>
    <message>
        <source>Preset name:</source>
        <translation>预设名称：</translation>
    </message>
</context>
<context>
    <name>PreviewPane</name>
    <message>
        <source>Original</source>
        <translation>原图</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Choose a folder to see a preview</source>
        <translation>选择文件夹以查看预览</translation>
    </message>
    <message>
        <source>No image to preview</source>
        <translation>没有可预览的图像</translation>
    </message>
    <message>
        <source>Preview unavailable</source>
        <translation>无法预览</translation>
    </message>
    <message>
        <source>Original: %1</source>
        <translation>原图：%1</translation>
    </message>
    <message>
        <source>Result: working…</source>
        <translation>结果：处理中…</translation>
    </message>
    <message>
        <source>Result: failed</source>
        <translation>结果：失败</translation>
    </message>
    <message>
        <source>Original: %1 · %2 × %3 · %4</source>
        <translation>原图：%1 · %2 × %3 · %4</translation>
    </message>
    <message>
        <source>Result: %1 × %2 · %3</source>
        <translation>结果：%1 × %2 · %3</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <source>Ready</source>
        <translation>就绪</translation>
    </message>
    <message>
        <source>Looking for images…</source>
        <translation>正在查找图像…</translation>
    </message>
    <message>
        <source>%1 of %2 done</source>
        <translation>已完成 %1 / %2</translation>
    </message>
    <message>
        <source> · %1 failed</source>
        <translation> · 失败 %1</translation>
    </message>
    <message>
        <source> · %1 images/s</source>
        <translation> · %1 张/秒</translation>
    </message>
    <message>
        <source> · %1 left</source>
        <translation> · 剩余 %1</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>空闲</translation>
    </message>
    <message>
        <source>Worker %1: %2</source>
        <translation>进程 %1：%2</translation>
    </message>
    <message>
        <source> · %1 skipped</source>
        <translation> · 跳过 %1</translation>
    </message>
    <message>
        <source> · %1 cancelled</source>
        <translation> · 已取消 %1</translation>
    </message>
</context>
<context>
    <name>RecipePanel</name>
    <message>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <source>Keep size</source>
        <translation>保持原尺寸</translation>
    </message>
    <message>
        <source>Fit inside</source>
        <translation>等比适应</translation>
    </message>
    <message>
        <source>Fill and crop</source>
        <translation>填充并裁剪</translation>
    </message>
    <message>
        <source>Exact size (stretch)</source>
        <translation>精确尺寸（拉伸）</translation>
    </message>
    <message>
        <source>Percentage</source>
        <translation>百分比</translation>
    </message>
    <message>
        <source>Long edge</source>
        <translation>长边</translation>
    </message>
    <message>
        <source> %</source>
        <translation>%</translation>
    </message>
    <message>
        <source>Don&apos;t enlarge smaller images</source>
        <translation>不放大较小的图像</translation>
    </message>
    <message>
        <source>Resize:</source>
        <translation>调整大小：</translation>
    </message>
    <message>
        <source>Width:</source>
        <translation>宽度：</translation>
    </message>
    <message>
        <source>Height:</source>
        <translation>高度：</translation>
    </message>
    <message>
        <source>Scale:</source>
        <translation>缩放：</translation>
    </message>
    <message>
        <source>Long edge:</source>
        <translation>长边：</translation>
    </message>
    <message>
        <source>Same as input</source>
        <translation>与原图相同</translation>
    </message>
    <message>
        <source>Grayscale always converts to sRGB first.</source>
        <translation>转换为灰度前总会先转换为 sRGB。</translation>
    </message>
    <message>
        <source>Convert to sRGB</source>
        <translation>转换为 sRGB</translation>
    </message>
    <message>
        <source>Colours look the same everywhere: the output is untagged sRGB, which browsers and viewers assume.</source>
        <translation>颜色在任何地方看起来都一致：输出为不嵌入配置文件的 sRGB，浏览器和看图软件默认按 sRGB 显示。</translation>
    </message>
    <message>
        <source>Keep original profile</source>
        <translation>保留原始配置文件</translation>
    </message>
    <message>
        <source>Pixels and the embedded colour profile stay as they are (for print or further editing). %1</source>
        <translation>像素和嵌入的颜色配置文件保持不变（用于打印或后期编辑）。%1</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Convert to sRGB&lt;/b&gt;: colours look the same everywhere; the output is untagged sRGB, which browsers and viewers assume.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Keep original profile&lt;/b&gt;: pixels and the embedded profile stay as they are, for print or further editing.&lt;/p&gt;&lt;p&gt;%1&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;转换为 sRGB&lt;/b&gt;：颜色在任何地方看起来都一致；输出为不嵌入配置文件的 sRGB，浏览器和看图软件默认按 sRGB 显示。&lt;/p&gt;&lt;p&gt;&lt;b&gt;保留原始配置文件&lt;/b&gt;：像素和嵌入的配置文件保持不变，用于打印或后期编辑。&lt;/p&gt;&lt;p&gt;%1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Colour profile</source>
        <translation>颜色配置文件</translation>
    </message>
    <message>
        <source>Convert to sRGB, or keep the original colour profile. %1</source>
        <translation>转换为 sRGB，或保留原始颜色配置文件。%1</translation>
    </message>
    <message>
        <source>Grayscale</source>
        <translation>灰度</translation>
    </message>
    <message>
        <source>removes camera, date, copyright, GPS and keywords (EXIF, XMP, IPTC). A kept colour profile stays, so colours do not change.</source>
        <translation>会移除相机、日期、版权、GPS 和关键字（EXIF、XMP、IPTC）。保留的颜色配置文件不受影响，因此颜色不会改变。</translation>
    </message>
    <message>
        <source>Keep all</source>
        <translation>全部保留</translation>
    </message>
    <message>
        <source>Metadata is copied to the output unchanged.</source>
        <translation>元数据原样复制到输出文件。</translation>
    </message>
    <message>
        <source>Remove location (GPS)</source>
        <translation>移除位置（GPS）</translation>
    </message>
    <message>
        <source>Only where the photo was taken is removed; everything else is kept.</source>
        <translation>只移除拍摄地点，其余全部保留。</translation>
    </message>
    <message>
        <source>Strip all</source>
        <translation>全部移除</translation>
    </message>
    <message>
        <source>Strip all %1</source>
        <translation>“全部移除”%1</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Keep all&lt;/b&gt;: metadata is copied unchanged.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Remove location (GPS)&lt;/b&gt;: only the location is removed.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Strip all&lt;/b&gt; %1&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;全部保留&lt;/b&gt;：元数据原样复制。&lt;/p&gt;&lt;p&gt;&lt;b&gt;移除位置（GPS）&lt;/b&gt;：只移除拍摄地点。&lt;/p&gt;&lt;p&gt;&lt;b&gt;全部移除&lt;/b&gt;%1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Metadata</source>
        <translation>元数据</translation>
    </message>
    <message>
        <source>Keep all metadata, remove only the location (GPS), or strip all. Strip all %1</source>
        <translation>保留全部元数据、只移除位置（GPS）或全部移除。“全部移除”%1</translation>
    </message>
    <message>
        <source>Rotate upright (EXIF orientation)</source>
        <translation>按 EXIF 方向自动旋转</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>Quality:</source>
        <translation>品质：</translation>
    </message>
    <message>
        <source>&amp;Colour:</source>
        <translation>颜色(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Metadata:</source>
        <translation>元数据(&amp;M)：</translation>
    </message>
    <message>
        <source>Steps:</source>
        <translation>步骤：</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>%1
%2 × %3 px, %4 (input %5)</source>
        <translation>%1
%2 × %3 像素，%4（原图 %5）</translation>
    </message>
    <message>
        <source>Engine: %1</source>
        <translation>引擎：%1</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Output size</source>
        <translation>输出大小</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>耗时</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Quality %1, chosen for the size limit</source>
        <translation>品质 %1，为符合大小上限而选定</translation>
    </message>
</context>
<context>
    <name>ResultsPanel</name>
    <message>
        <source>Show failures only</source>
        <translation>仅显示失败项</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>&amp;Compare Before and After</source>
        <translation>对比处理前后(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Open Output</source>
        <translation>打开输出(&amp;O)</translation>
    </message>
    <message>
        <source>Compare…</source>
        <translation>对比…</translation>
    </message>
    <message>
        <source>Before and after of the selected image, side by side (Ctrl+D)</source>
        <translation>并排显示所选图像的处理前后 (Ctrl+D)</translation>
    </message>
</context>
<context>
    <name>RunBar</name>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Open output folder</source>
        <translation>打开输出文件夹</translation>
    </message>
    <message>
        <source>Retry failed</source>
        <translation>重试失败项</translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation>导出报告…</translation>
    </message>
    <message>
        <source>Process every image (Ctrl+Enter)</source>
        <translation>处理所有图像（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Stop the batch (Esc); finished images are kept</source>
        <translation>停止批处理（Esc）；已完成的图像会保留</translation>
    </message>
    <message numerus="yes">
        <source>Retry %Ln failed</source>
        <translation>
            <numerusform>重试 %Ln 个失败项</numerusform>
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
        <translation>%1，缩小 %2%</translation>
    </message>
    <message>
        <source>%1, %2% larger</source>
        <translation>%1，增大 %2%</translation>
    </message>
</context>
<context>
    <name>SourcePanel</name>
    <message>
        <source>Source</source>
        <translation>输入</translation>
    </message>
    <message>
        <source>Include subfolders</source>
        <translation>包含子文件夹</translation>
    </message>
    <message>
        <source>Choose or drop a folder of images</source>
        <translation>选择或拖入图像文件夹</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Recent</source>
        <translation>最近</translation>
    </message>
    <message>
        <source>Choose a folder of images</source>
        <translation>选择图像文件夹</translation>
    </message>
    <message>
        <source>Folder not found</source>
        <translation>找不到文件夹</translation>
    </message>
    <message>
        <source>Counting images…</source>
        <translation>正在统计图像…</translation>
    </message>
    <message>
        <source>No folder chosen</source>
        <translation>未选择文件夹</translation>
    </message>
    <message numerus="yes">
        <source>%Ln image(s) found</source>
        <translation>
            <numerusform>找到 %Ln 张图像</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln image(s) so far…</source>
        <translation>
            <numerusform>已找到 %Ln 张图像…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StepEditor</name>
    <message>
        <source>This step has no settings.</source>
        <translation>此步骤没有可设置的选项。</translation>
    </message>
    <message>
        <source>attention (the most interesting part)</source>
        <translation>智能焦点（最引人注目的部分）</translation>
    </message>
    <message>
        <source>Keeps the part of the image a viewer would look at first (libvips&apos; smart crop).</source>
        <translation>保留观看者最先注意到的部分（libvips 智能裁剪）。</translation>
    </message>
    <message>
        <source>Fit inside</source>
        <translation>等比适应</translation>
    </message>
    <message>
        <source>Fill and crop</source>
        <translation>填充并裁剪</translation>
    </message>
    <message>
        <source>Exact size (stretch)</source>
        <translation>精确尺寸（拉伸）</translation>
    </message>
    <message>
        <source>Percentage</source>
        <translation>百分比</translation>
    </message>
    <message>
        <source>Long edge</source>
        <translation>长边</translation>
    </message>
    <message>
        <source>Keep size</source>
        <translation>保持原尺寸</translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation>模式：</translation>
    </message>
    <message>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <source>Width:</source>
        <translation>宽度：</translation>
    </message>
    <message>
        <source>Height:</source>
        <translation>高度：</translation>
    </message>
    <message>
        <source>Scale:</source>
        <translation>缩放：</translation>
    </message>
    <message>
        <source> %</source>
        <translation>%</translation>
    </message>
    <message>
        <source>Long edge:</source>
        <translation>长边：</translation>
    </message>
    <message>
        <source>Don&apos;t enlarge smaller images</source>
        <translation>不放大较小的图像</translation>
    </message>
    <message>
        <source>Aspect ratio</source>
        <translation>宽高比</translation>
    </message>
    <message>
        <source>Pixel box</source>
        <translation>像素区域</translation>
    </message>
    <message>
        <source>Crop to:</source>
        <translation>裁剪为：</translation>
    </message>
    <message>
        <source>Aspect width:</source>
        <translation>比例宽：</translation>
    </message>
    <message>
        <source>Aspect height:</source>
        <translation>比例高：</translation>
    </message>
    <message>
        <source>Left:</source>
        <translation>左边距：</translation>
    </message>
    <message>
        <source>Top:</source>
        <translation>上边距：</translation>
    </message>
    <message>
        <source>Keep:</source>
        <translation>保留：</translation>
    </message>
    <message>
        <source>90° clockwise</source>
        <translation>顺时针 90°</translation>
    </message>
    <message>
        <source>180°</source>
        <translation>180°</translation>
    </message>
    <message>
        <source>90° counter-clockwise</source>
        <translation>逆时针 90°</translation>
    </message>
    <message>
        <source>Angle:</source>
        <translation>角度：</translation>
    </message>
    <message>
        <source>Horizontally (mirror)</source>
        <translation>水平（镜像）</translation>
    </message>
    <message>
        <source>Vertically (upside down)</source>
        <translation>垂直（上下颠倒）</translation>
    </message>
    <message>
        <source>Flip:</source>
        <translation>翻转：</translation>
    </message>
    <message>
        <source>Background:</source>
        <translation>背景：</translation>
    </message>
    <message>
        <source>Background colour</source>
        <translation>背景颜色</translation>
    </message>
    <message>
        <source>Image at:</source>
        <translation>图像位置：</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>强度：</translation>
    </message>
    <message>
        <source>Radius (sigma):</source>
        <translation>半径 (sigma)：</translation>
    </message>
    <message>
        <source>How much of the detail is added back: 0 leaves the image as it is.</source>
        <translation>加回多少细节：0 表示图像保持不变。</translation>
    </message>
    <message>
        <source>The size of the detail sharpened; 0.5 to 1 suits a downscaled photo.</source>
        <translation>被锐化细节的尺度；缩小后的照片适合 0.5 到 1。</translation>
    </message>
    <message>
        <source>Brightness:</source>
        <translation>亮度：</translation>
    </message>
    <message>
        <source>Contrast:</source>
        <translation>对比度：</translation>
    </message>
    <message>
        <source>Gamma:</source>
        <translation>伽马：</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>文字：</translation>
    </message>
    <message>
        <source>A font description such as “Sans Bold” or “Serif Italic”.</source>
        <translation>字体描述，例如“Sans Bold”或“Serif Italic”。</translation>
    </message>
    <message>
        <source>Font:</source>
        <translation>字体：</translation>
    </message>
    <message>
        <source>Text colour</source>
        <translation>文字颜色</translation>
    </message>
    <message>
        <source>Colour:</source>
        <translation>颜色：</translation>
    </message>
    <message>
        <source> % of the image&apos;s height</source>
        <translation>% 图像高度</translation>
    </message>
    <message>
        <source>A PNG logo</source>
        <translation>PNG 标志图像</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Choose the logo file</source>
        <translation>选择标志文件</translation>
    </message>
    <message>
        <source>Image:</source>
        <translation>图像：</translation>
    </message>
    <message>
        <source> % of the image&apos;s width</source>
        <translation>% 图像宽度</translation>
    </message>
    <message>
        <source>Choose a logo</source>
        <translation>选择标志</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Opacity:</source>
        <translation>不透明度：</translation>
    </message>
    <message>
        <source>Position:</source>
        <translation>位置：</translation>
    </message>
    <message>
        <source>Margin:</source>
        <translation>边距：</translation>
    </message>
    <message>
        <source> % of the shorter side</source>
        <translation>% 短边</translation>
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
        <translation>透明</translation>
    </message>
    <message>
        <source>white</source>
        <translation>白色</translation>
    </message>
    <message>
        <source>black</source>
        <translation>黑色</translation>
    </message>
    <message>
        <source>Resize: keep size</source>
        <translation>调整大小：保持原尺寸</translation>
    </message>
    <message>
        <source>Resize: fit in %1</source>
        <translation>调整大小：等比适应 %1</translation>
    </message>
    <message>
        <source>Resize: fill %1</source>
        <translation>调整大小：填充 %1</translation>
    </message>
    <message>
        <source>Resize: exactly %1</source>
        <translation>调整大小：精确 %1</translation>
    </message>
    <message>
        <source>Resize: %1%</source>
        <translation>调整大小：%1%</translation>
    </message>
    <message>
        <source>Long edge %1 px</source>
        <translation>长边 %1 像素</translation>
    </message>
    <message>
        <source>%1, never enlarged</source>
        <translation>%1，不放大</translation>
    </message>
    <message>
        <source>Crop %1:%2, %3</source>
        <translation>裁剪 %1:%2，%3</translation>
    </message>
    <message>
        <source>Crop %1 at %2, %3</source>
        <translation>裁剪 %1，起点 %2, %3</translation>
    </message>
    <message>
        <source>Rotate 180°</source>
        <translation>旋转 180°</translation>
    </message>
    <message>
        <source>Rotate %1° clockwise</source>
        <translation>顺时针旋转 %1°</translation>
    </message>
    <message>
        <source>Flip horizontally</source>
        <translation>水平翻转</translation>
    </message>
    <message>
        <source>Flip vertically</source>
        <translation>垂直翻转</translation>
    </message>
    <message>
        <source>Pad to %1, %2</source>
        <translation>扩展画布至 %1，%2</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1，%2</translation>
    </message>
    <message>
        <source>Sharpen %1</source>
        <translation>锐化 %1</translation>
    </message>
    <message>
        <source>Sharpen %1, radius %2</source>
        <translation>锐化 %1，半径 %2</translation>
    </message>
    <message>
        <source>Brightness %1, contrast %2, gamma %3</source>
        <translation>亮度 %1，对比度 %2，伽马 %3</translation>
    </message>
    <message>
        <source>Auto level</source>
        <translation>自动色阶</translation>
    </message>
    <message>
        <source>Grayscale</source>
        <translation>灰度</translation>
    </message>
    <message>
        <source>Watermark %1 %2, %3%</source>
        <translation>水印 %1，%2，%3%</translation>
    </message>
    <message>
        <source>Watermark “%1” %2, %3%</source>
        <translation>水印“%1”，%2，%3%</translation>
    </message>
    <message>
        <source>Watermark: no image chosen</source>
        <translation>水印：未选择图像</translation>
    </message>
    <message>
        <source>Resize</source>
        <translation>调整大小</translation>
    </message>
    <message>
        <source>Crop</source>
        <translation>裁剪</translation>
    </message>
    <message>
        <source>Rotate</source>
        <translation>旋转</translation>
    </message>
    <message>
        <source>Flip</source>
        <translation>翻转</translation>
    </message>
    <message>
        <source>Pad to canvas</source>
        <translation>扩展画布</translation>
    </message>
    <message>
        <source>Sharpen</source>
        <translation>锐化</translation>
    </message>
    <message>
        <source>Brightness, contrast, gamma</source>
        <translation>亮度、对比度、伽马</translation>
    </message>
    <message>
        <source>Text watermark</source>
        <translation>文字水印</translation>
    </message>
    <message>
        <source>Image watermark</source>
        <translation>图像水印</translation>
    </message>
    <message>
        <source>centre</source>
        <translation>居中</translation>
    </message>
    <message>
        <source>top</source>
        <translation>顶部</translation>
    </message>
    <message>
        <source>top right</source>
        <translation>右上</translation>
    </message>
    <message>
        <source>right</source>
        <translation>右侧</translation>
    </message>
    <message>
        <source>bottom right</source>
        <translation>右下</translation>
    </message>
    <message>
        <source>bottom</source>
        <translation>底部</translation>
    </message>
    <message>
        <source>bottom left</source>
        <translation>左下</translation>
    </message>
    <message>
        <source>left</source>
        <translation>左侧</translation>
    </message>
    <message>
        <source>top left</source>
        <translation>左上</translation>
    </message>
    <message>
        <source>attention</source>
        <translation>智能焦点</translation>
    </message>
</context>
<context>
    <name>TextFormat</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
</context>
<context>
    <name>Thumbnailer</name>
    <message>
        <source>Thumbnails unavailable: no worker</source>
        <translation>缩略图不可用：没有工作进程</translation>
    </message>
    <message>
        <source>The thumbnail could not be read</source>
        <translation>无法读取缩略图</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Batch image processor</source>
        <translation>批量图像处理工具</translation>
    </message>
    <message>
        <source>Folder to open, or images in it</source>
        <translation>要打开的文件夹，或其中的图像</translation>
    </message>
</context>
</TS>
