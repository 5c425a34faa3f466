import Testing
import AtrousCore

/// Hand-worked convolutions and every configuration error the engine reports.
struct ConvolutionTests {
    @Test func impulseThroughADilatedKernelDrawsTheFootprint() throws {
        // An impulse at the centre of a 7x7 map, a 3x3 kernel numbered 1…9 at rate 2, SAME:
        // the output shows the kernel flipped and spread two cells apart.
        let input = Tensor<Double>(shape: [7, 7]) { $0 == [3, 3] ? 1 : 0 }
        let kernel = Tensor<Double>(shape: [3, 3]) { Double($0[0] * 3 + $0[1] + 1) }
        let output = try Convolution(kernel: kernel, rate: Pair(2, 2), padding: .same)(input)
        #expect(output.shape == [7, 7])
        #expect(output[1, 1] == 9 && output[1, 3] == 8 && output[1, 5] == 7)
        #expect(output[3, 1] == 6 && output[3, 3] == 5 && output[5, 5] == 1)
        #expect(output.scalars.filter { $0 != 0 }.count == 9)
    }

    @Test func biasIsAddedPerOutputChannel() throws {
        let input = Tensor<Float>(shape: [1, 2, 2, 1], repeating: 1)
        let kernel = Tensor<Float>(shape: [1, 1, 1, 2]) { Float($0[3] + 1) }
        let output = try Convolution(kernel: kernel, bias: [10, 20])(input)
        #expect(output.shape == [1, 2, 2, 2])
        #expect(output.scalars == [11, 22, 11, 22, 11, 22, 11, 22])
    }

    @Test func ranksArePreserved() throws {
        let kernel = Tensor<Double>(shape: [1, 1, 2, 3], repeating: 1)
        #expect(try Convolution(kernel: kernel)(Tensor(shape: [4, 5, 2], repeating: 1)).shape == [4, 5, 3])
        #expect(try Convolution(kernel: kernel)(Tensor(shape: [2, 4, 5, 2], repeating: 1)).shape == [2, 4, 5, 3])
        let single = Tensor<Double>(shape: [2, 2], repeating: 1)
        #expect(try Convolution(kernel: single)(Tensor(shape: [4, 5], repeating: 1)).shape == [3, 4])
    }

    @Test func stridesThatDoNotDivide() throws {
        // 7 columns, kernel 2, stride 3, valid: windows start at 0 and 3 only (6 cannot fit 2).
        let input = Tensor<Double>(shape: [1, 7]) { Double($0[1]) }
        let output = try Convolution(kernel: Tensor(shape: [1, 2], repeating: 1), stride: Pair(1, 3))(input)
        #expect(output.shape == [1, 2])
        #expect(output.scalars == [1, 7])
    }

    @Test func fillsChangeOnlyThePaddedTerms() throws {
        let input = Tensor<Double>(shape: [1, 4]) { Double($0[1] + 1) } // 1 2 3 4
        let kernel = Tensor<Double>(shape: [1, 3], repeating: 1)
        func run(_ fill: Fill) throws -> [Double] {
            try Convolution(kernel: kernel, padding: .explicit(top: 0, bottom: 0, left: 2, right: 2), fill: fill)(input)
                .scalars
        }
        #expect(try run(.zeros) == [1, 3, 6, 9, 7, 4])
        // Padded 3 2 | 1 2 3 4 | 3 2 under reflect.
        #expect(try run(.reflect) == [6, 5, 6, 9, 10, 9])
        #expect(try run(.replicate) == [3, 4, 6, 9, 11, 12])
        // Padded 3 4 | 1 2 3 4 | 1 2 under circular.
        #expect(try run(.circular) == [8, 7, 6, 9, 8, 7])
    }

    @Test func channelMismatch() throws {
        let conv = try Convolution(kernel: Tensor<Double>(shape: [3, 3, 2, 1], repeating: 1))
        #expect(throws: ConvolutionError.channelMismatch(inputChannels: 3, kernelInputChannels: 2)) {
            try conv(Tensor(shape: [5, 5, 3], repeating: 1))
        }
    }

    @Test func biasLength() {
        #expect(throws: ConvolutionError.biasLength(length: 3, outputChannels: 2)) {
            try Convolution(kernel: Tensor<Double>(shape: [3, 3, 1, 2], repeating: 1), bias: [1, 2, 3])
        }
    }

    @Test func ranksThatCannotBeRead() throws {
        #expect(throws: ConvolutionError.kernelRank(shape: [3, 3, 1])) {
            try Convolution(kernel: Tensor<Double>(shape: [3, 3, 1], repeating: 1))
        }
        let conv = try Convolution(kernel: Tensor<Double>(shape: [1, 1], repeating: 1))
        #expect(throws: ConvolutionError.inputRank(shape: [5])) { try conv(Tensor(shape: [5], repeating: 1)) }
        #expect(throws: ConvolutionError.emptyTensor(role: "input", shape: [0, 5])) {
            try conv(Tensor(shape: [0, 5], repeating: 1))
        }
    }

    @Test func rateAndStrideBelowOne() {
        let kernel = Tensor<Double>(shape: [3, 3], repeating: 1)
        #expect(throws: ConvolutionError.rateBelowOne(axis: .height, rate: 0)) {
            try Convolution(kernel: kernel, rate: Pair(0, 0))
        }
        #expect(throws: ConvolutionError.strideBelowOne(axis: .width, stride: -1)) {
            try Convolution(kernel: kernel, stride: Pair(1, -1))
        }
    }

    @Test func causalWithATallKernel() throws {
        let conv = try Convolution(kernel: Tensor<Double>(shape: [2, 2], repeating: 1), padding: .causal)
        #expect(throws: ConvolutionError.causalNeedsFlatKernel(kernelHeight: 2)) {
            try conv(Tensor(shape: [4, 4], repeating: 1))
        }
    }

    @Test func effectiveKernelLargerThanTheInput() throws {
        let conv = try Convolution(kernel: Tensor<Double>(shape: [3, 3], repeating: 1), rate: Pair(3, 3))
        #expect(throws: ConvolutionError.emptyOutput(axis: .height, inputSize: 5, padBefore: 0, padAfter: 0,
                                                     kernelSize: 3, rate: 3)) {
            try conv(Tensor(shape: [5, 5], repeating: 1))
        }
    }

    @Test(arguments: [
        ConvolutionError.rateBelowOne(axis: .height, rate: 0),
        .emptyOutput(axis: .width, inputSize: 5, padBefore: 0, padAfter: 0, kernelSize: 3, rate: 3),
        .reflectPaddingTooLarge(axis: .height, pad: 4, inputSize: 3),
        .channelMismatch(inputChannels: 3, kernelInputChannels: 2),
        .biasLength(length: 3, outputChannels: 2),
        .causalNeedsFlatKernel(kernelHeight: 3),
        .inputRank(shape: [5]),
    ])
    func everyErrorIsOneSentence(_ error: ConvolutionError) {
        let message = error.description
        #expect(message.first?.isUppercase == true)
        #expect(message.hasSuffix("."))
        #expect(!message.dropLast().contains(". "))
        #expect(!message.contains("\n"))
    }

    @Test func errorMessagesNameTheNumbers() {
        let message = ConvolutionError.emptyOutput(axis: .width, inputSize: 5, padBefore: 0, padAfter: 0,
                                                   kernelSize: 3, rate: 3).description
        #expect(message == "The output width would be below 1: the input width 5 plus padding 0+0 is smaller "
            + "than the effective kernel 7 (kernel 3 at rate 3).")
    }
}
